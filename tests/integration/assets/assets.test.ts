import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("./event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { addAssetAction, deleteAssetAction, labelAssetAction } from "@/app/(app)/assets/actions";
import { listAssets } from "@/lib/assets/list-assets";
import { requireMembership } from "@/lib/authz/membership";
import { EMAIL_NOT_VERIFIED_MESSAGE } from "@/lib/auth/assert-email-verified";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

afterAll(() => capture.close());

describe("assets", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let viewer: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;
  const listAs = async (user: { id: string }) => listAssets(await requireMembership(user.id, org.id, "assets:read"));
  const values = async () => (await listAs(admin)).map((a) => a.value);

  beforeEach(async () => {
    const owner = await createUser();
    admin = await createUser();
    viewer = await createUser();
    org = await createOrg(owner);
    await addMember(org, admin, "ADMIN");
    await addMember(org, viewer, "VIEWER");
    signInAs(admin);
  });

  it("adds a normalised domain and IP, lists them newest first with empty scan and grade columns", async () => {
    expect(await addAssetAction(undefined, form({ value: " Bücher.Example. ", label: "  Shop  " }))).toMatchObject({
      success: "xn--bcher-kva.example is now monitored. Its first scan has started.",
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await addAssetAction(undefined, form({ value: "2001:DB8:0:0:0:0:0:1", label: "" }))).toMatchObject({
      success: "2001:db8::1 is now monitored. Its first scan has started.",
    });

    const list = await listAs(viewer);
    expect(list.map((a) => [a.kind, a.value, a.label])).toEqual([
      ["IP", "2001:db8::1", null],
      ["DOMAIN", "xn--bcher-kva.example", "Shop"],
    ]);
    expect(list[1]).toMatchObject({ lastScanAt: null, grade: null, score: null });
    expect((await db.asset.findFirstOrThrow({ where: { value: "xn--bcher-kva.example" } })).createdById).toBe(admin.id);

    // Each new asset's first scan is queued at once and announced to the pipeline after the commit.
    const runs = await db.scanRun.findMany({
      where: { organizationId: org.id },
      select: { assetId: true, status: true, trigger: true },
    });
    expect(runs.map((r) => [r.status, r.trigger]).sort()).toEqual([
      ["QUEUED", "MANUAL"],
      ["QUEUED", "MANUAL"],
    ]);
    const requested = capture.events
      .filter((e) => e.name === "asset/scan.requested")
      .map((e) => (e.data as { assetId: string }).assetId);
    expect(requested.sort()).toEqual(runs.map((r) => r.assetId).sort());
  });

  it("rejects an invalid domain with its field message and stores nothing", async () => {
    const result = await addAssetAction(undefined, form({ value: "https://shop.example.test/login" }));
    expect(result).toEqual({
      error: "Enter just the domain name, like example.com — not a URL.",
      code: "invalid_input",
      fieldErrors: { value: ["Enter just the domain name, like example.com — not a URL."] },
    });
    expect(await values()).toEqual([]);
  });

  it("rejects a duplicate, however it is written", async () => {
    await addAssetAction(undefined, form({ value: "example.test" }));
    expect(await addAssetAction(undefined, form({ value: "EXAMPLE.test." }))).toMatchObject({
      code: "conflict",
      error: "example.test is already monitored.",
      fieldErrors: { value: ["example.test is already monitored."] },
    });
    expect(await db.asset.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous adds of the same value win", async () => {
    const results = await Promise.all([
      addAssetAction(undefined, form({ value: "race.example.test" })),
      addAssetAction(undefined, form({ value: "RACE.example.test" })),
    ]);
    expect(results.filter((r) => r.success !== undefined)).toHaveLength(1);
    expect(results.filter((r) => r.error !== undefined)).toMatchObject([
      { code: "conflict", error: "race.example.test is already monitored." },
    ]);
    expect(await db.asset.count({ where: { organizationId: org.id, value: "race.example.test" } })).toBe(1);
  });

  it("allows the same domain in two different organisations", async () => {
    await addAssetAction(undefined, form({ value: "shared.example.test" }));
    const other = await createOrg(admin);
    expect(
      await addAssetAction(undefined, form({ value: "shared.example.test", organizationId: other.id })),
    ).toMatchObject({ success: expect.any(String) });
    expect(await db.asset.count({ where: { value: "shared.example.test" } })).toBe(2);
  });

  it("rejects an oversized label and keeps the asset unchanged", async () => {
    expect(
      await addAssetAction(undefined, form({ value: "label.example.test", label: "x".repeat(101) })),
    ).toMatchObject({
      code: "invalid_input",
      fieldErrors: { label: ["A label can be at most 100 characters."] },
    });
    expect(await values()).toEqual([]);
    const added = await addAssetAction(undefined, form({ value: "label.example.test", label: "Old" }));
    const assetId = (added as { data: { id: string } }).data.id;
    expect(await labelAssetAction(undefined, form({ assetId, label: "y".repeat(101) }))).toMatchObject({
      code: "invalid_input",
    });
    expect(await labelAssetAction(undefined, form({ assetId, label: "  Production web  " }))).toEqual({
      success: "Label saved.",
    });
    expect((await db.asset.findUniqueOrThrow({ where: { id: assetId } })).label).toBe("Production web");
    expect(await labelAssetAction(undefined, form({ assetId, label: "" }))).toEqual({ success: "Label removed." });
    expect((await db.asset.findUniqueOrThrow({ where: { id: assetId } })).label).toBeNull();
  });

  it("soft-deletes, tells the pipeline, and restores the same row with its history on re-adding", async () => {
    const added = await addAssetAction(undefined, form({ value: "gone.example.test", label: "Keep me" }));
    const assetId = (added as { data: { id: string } }).data.id;
    const run = await db.scanRun.create({
      data: { organizationId: org.id, assetId, trigger: "MANUAL", portSpec: "top-100", status: "COMPLETED" },
    });
    capture.events.length = 0;

    expect(await deleteAssetAction(undefined, form({ assetId }))).toMatchObject({
      success: expect.stringMatching(/kept for 30 days/),
    });
    expect(await values()).toEqual([]);
    expect((await db.asset.findUniqueOrThrow({ where: { id: assetId } })).deletedAt).toBeInstanceOf(Date);
    expect(capture.events).toEqual([{ name: "asset/deleted", data: { organizationId: org.id, assetId } }]);

    // Deleting twice: it is no longer there.
    expect(await deleteAssetAction(undefined, form({ assetId }))).toMatchObject({
      code: "not_found",
      error: "Asset was not found.",
    });

    expect(await addAssetAction(undefined, form({ value: "Gone.Example.Test" }))).toMatchObject({
      success: "gone.example.test is monitored again; its earlier history was kept. Its first scan has started.",
      data: { id: assetId },
    });
    const restored = await db.asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(restored).toMatchObject({ deletedAt: null, label: "Keep me" });
    expect(await db.scanRun.findUnique({ where: { id: run.id } })).not.toBeNull();
  });

  it("lets viewers list but not add, label or delete", async () => {
    await addAssetAction(undefined, form({ value: "viewer.example.test" }));
    const [asset] = await listAs(viewer);
    signInAs(viewer);
    expect(await addAssetAction(undefined, form({ value: "another.example.test" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await labelAssetAction(undefined, form({ assetId: asset!.id, label: "x" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await deleteAssetAction(undefined, form({ assetId: asset!.id }))).toMatchObject({ code: "forbidden" });
    expect(await values()).toEqual(["viewer.example.test"]);
  });

  it("requires a verified email to add assets", async () => {
    const unverified = await createUser({ verified: false });
    await addMember(org, unverified, "ADMIN");
    signInAs(unverified);
    expect(
      await addAssetAction(undefined, form({ value: "unverified.example.test", organizationId: org.id })),
    ).toMatchObject({
      code: "forbidden",
      error: EMAIL_NOT_VERIFIED_MESSAGE,
    });
    expect(await values()).toEqual([]);
  });

  it("requires an active plan or trial to add assets", async () => {
    await db.organization.update({ where: { id: org.id }, data: { trialEndsAt: new Date(Date.now() - 1000) } });
    expect(await addAssetAction(undefined, form({ value: "late.example.test" }))).toMatchObject({
      code: "plan_limit",
      error: expect.stringMatching(/trial has ended/),
    });
    expect(await values()).toEqual([]);
  });

  it("refuses non-text form fields and oversized posts readably", async () => {
    const f = form({ value: "example.test" });
    f.set("label", new Blob(["x"]));
    expect(await addAssetAction(undefined, f)).toMatchObject({
      code: "invalid_input",
      error: 'The field "label" must be text.',
    });
    expect(await addAssetAction(undefined, form({ value: "a".repeat(20_000) }))).toMatchObject({
      code: "payload_too_large",
    });
    expect(await addAssetAction(undefined, { value: 42 } as never)).toMatchObject({ code: "invalid_input" });
    expect(await values()).toEqual([]);
  });
});
