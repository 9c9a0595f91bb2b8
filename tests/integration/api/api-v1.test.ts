import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("../assets/event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import * as assetsRoute from "@/app/api/v1/assets/route";
import * as assetRoute from "@/app/api/v1/assets/[assetId]/route";
import * as assetGradesRoute from "@/app/api/v1/assets/[assetId]/grades/route";
import * as assetScansRoute from "@/app/api/v1/assets/[assetId]/scans/route";
import * as exposureRoute from "@/app/api/v1/exposure-changes/route";
import * as findingsRoute from "@/app/api/v1/findings/route";
import * as gradesRoute from "@/app/api/v1/grades/route";
import * as scanRoute from "@/app/api/v1/scans/[scanRunId]/route";
import { db } from "@/lib/db/client";
import { GRADING_METHOD_VERSION } from "@/lib/grading";
import { EXPORT_COLUMNS } from "@/lib/findings/export-format";
import { findingSchema } from "@/lib/api/v1/schemas";
import { addMember, createOrg, createUser } from "../orgs/support/fixtures";
import { seedGradedOrg } from "../dashboard/seed-graded-org";
import { callApi, expectDocumented, keyFor } from "./support";

afterAll(() => capture.close());

type Json = Record<string, unknown> & {
  error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};
const json = (a: { body: unknown }) => a.body as Json;

describe("API keys on /api/v1", () => {
  let owner: { id: string };
  let org: { id: string };
  beforeEach(async () => {
    owner = await createUser();
    org = await createOrg(owner, { plan: "STARTER", trialEndsAt: null });
  });

  it("answers 401 without a key, with a malformed or unknown key, and for revoked and expired keys", async () => {
    const missing = await callApi(assetsRoute.GET, "/assets");
    expect(missing.status).toBe(401);
    expect(json(missing).error).toMatchObject({ code: "unauthenticated" });
    expect(json(missing).error!.message).toContain("Authorization: Bearer pw_");
    expectDocumented(missing, "/assets", "GET");

    expect((await callApi(assetsRoute.GET, "/assets", { key: "not-a-key" })).status).toBe(401);
    const unknown = await callApi(assetsRoute.GET, "/assets", { key: `pw_${"A".repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(json(unknown).error!.message).toBe("This API key is not valid. Check that it was copied whole.");

    const revoked = await keyFor(owner, org, "READ");
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const r = await callApi(assetsRoute.GET, "/assets", { key: revoked.key });
    expect(r.status).toBe(401);
    expect(json(r).error!.message).toContain("revoked");

    const expired = await keyFor(owner, org, "READ", new Date(Date.now() + 86_400_000));
    await db.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const e = await callApi(assetsRoute.GET, "/assets", { key: expired.key });
    expect(e.status).toBe(401);
    expect(json(e).error!.message).toContain("expired");

    // The refused calls of known keys are in the organisation's audit log, with the key and address.
    const audit = await db.auditEvent.findMany({ where: { organizationId: org.id, action: "api.request" } });
    expect(audit.map((a) => [a.target, (a.details as { status: number }).status, a.ip]).sort()).toEqual(
      [
        [`api_key:${expired.id}`, 401, "203.0.113.7"],
        [`api_key:${revoked.id}`, 401, "203.0.113.7"],
      ].sort(),
    );
  });

  it("stops working when the member who created it leaves, and never exceeds that member's role", async () => {
    const admin = await createUser();
    const membership = await addMember(org, admin, "ADMIN");
    const { key } = await keyFor(admin, org, "READ_WRITE");
    expect((await callApi(assetsRoute.GET, "/assets", { key })).status).toBe(200);

    await db.membership.update({ where: { id: membership.id }, data: { role: "VIEWER" } });
    expect((await callApi(assetsRoute.GET, "/assets", { key })).status).toBe(200);
    const write = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: "viewer.example.test" },
    });
    expect(write.status).toBe(403);
    expect(json(write).error!.message).toContain("role of the member who created it");

    await db.membership.delete({ where: { id: membership.id } });
    const gone = await callApi(assetsRoute.GET, "/assets", { key });
    expect(gone.status).toBe(401);
    expect(json(gone).error!.message).toContain("has left the organisation");
  });

  it("refuses writes with a read-only key (403) and changes nothing", async () => {
    const { key } = await keyFor(owner, org, "READ");
    const res = await callApi(assetsRoute.POST, "/assets", { key, method: "POST", body: { value: "ro.example.test" } });
    expect(res.status).toBe(403);
    expect(json(res).error).toMatchObject({ code: "forbidden" });
    expectDocumented(res, "/assets", "POST");
    expect(await db.asset.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("marks a key used, at most once a minute", async () => {
    const { id, key } = await keyFor(owner, org, "READ");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await callApi(assetsRoute.GET, "/assets", { key });
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await callApi(assetsRoute.GET, "/assets", { key });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
  });
});

describe("assets", () => {
  let owner: { id: string };
  let org: { id: string };
  let key: string;
  let keyId: string;
  beforeEach(async () => {
    owner = await createUser();
    org = await createOrg(owner, { plan: "STARTER", trialEndsAt: null });
    ({ key, id: keyId } = await keyFor(owner, org));
  });

  it("creates, gets, lists a page at a time, relabels and deletes", async () => {
    const created = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: " Shop.Example.TEST. ", label: " Shop " },
    });
    expect(created.status).toBe(201);
    expectDocumented(created, "/assets", "POST");
    const asset = json(created).asset as { id: string; value: string; label: string; kind: string };
    expect(asset).toMatchObject({ value: "shop.example.test", label: "Shop", kind: "domain", verified: false });
    expect(created.headers.get("location")).toBe(`/api/v1/assets/${asset.id}`);
    expect(created.headers.get("ratelimit-limit")).toBe("120");

    for (const value of ["b.example.test", "c.example.test"]) {
      expect((await callApi(assetsRoute.POST, "/assets", { key, method: "POST", body: { value } })).status).toBe(201);
      await new Promise((r) => setTimeout(r, 5));
    }
    const page1 = await callApi(assetsRoute.GET, "/assets?limit=2", { key });
    expect(page1.status).toBe(200);
    expectDocumented(page1, "/assets", "GET");
    const p1 = json(page1) as { data: { value: string }[]; nextCursor: string };
    expect(p1.data.map((a) => a.value)).toEqual(["c.example.test", "b.example.test"]);
    const page2 = await callApi(assetsRoute.GET, `/assets?limit=2&cursor=${p1.nextCursor}`, { key });
    const p2 = json(page2) as { data: { value: string }[]; nextCursor: string | null };
    expect(p2.data.map((a) => a.value)).toEqual(["shop.example.test"]);
    expect(p2.nextCursor).toBeNull();

    const got = await callApi(assetRoute.GET, `/assets/${asset.id}`, { key, params: { assetId: asset.id } });
    expect(got.status).toBe(200);
    expectDocumented(got, "/assets/{assetId}", "GET");

    const relabelled = await callApi(assetRoute.PATCH, `/assets/${asset.id}`, {
      key,
      method: "PATCH",
      body: { label: "Storefront" },
      params: { assetId: asset.id },
    });
    expect(relabelled.status).toBe(200);
    expectDocumented(relabelled, "/assets/{assetId}", "PATCH");
    expect((json(relabelled).asset as { label: string }).label).toBe("Storefront");
    const cleared = await callApi(assetRoute.PATCH, `/assets/${asset.id}`, {
      key,
      method: "PATCH",
      body: { label: null },
      params: { assetId: asset.id },
    });
    expect((json(cleared).asset as { label: string | null }).label).toBeNull();

    const deleted = await callApi(assetRoute.DELETE, `/assets/${asset.id}`, {
      key,
      method: "DELETE",
      params: { assetId: asset.id },
    });
    expect(deleted.status).toBe(204);
    expectDocumented(deleted, "/assets/{assetId}", "DELETE");
    expect((await callApi(assetRoute.GET, `/assets/${asset.id}`, { key, params: { assetId: asset.id } })).status).toBe(
      404,
    );

    // Every call is in the audit log with the key, what, the status and the address; the asset events too.
    const calls = await db.auditEvent.findMany({
      where: { organizationId: org.id, action: "api.request" },
      orderBy: { createdAt: "asc" },
    });
    expect(calls.length).toBe(10);
    expect(calls[0]).toMatchObject({ actorUserId: owner.id, target: `api_key:${keyId}`, ip: "203.0.113.7" });
    expect(calls[0]!.details).toMatchObject({
      method: "POST",
      path: "/api/v1/assets",
      status: 201,
      key: "test key READ_WRITE",
    });
    const added = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "asset.added" } });
    expect(added.ip).toBe("203.0.113.7");
  });

  it("validates with the add form's schema and messages, naming the field (400)", async () => {
    const url = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: "https://shop.example.test/login" },
    });
    expect(url.status).toBe(400);
    expectDocumented(url, "/assets", "POST");
    expect(json(url).error).toEqual({
      code: "invalid_input",
      message: "Enter just the domain name, like example.com — not a URL.",
      fieldErrors: { value: ["Enter just the domain name, like example.com — not a URL."] },
    });
    const long = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: "ok.example.test", label: "x".repeat(101) },
    });
    expect(json(long).error!.fieldErrors).toEqual({ label: ["A label can be at most 100 characters."] });
    const notJson = await callApi(assetsRoute.POST, "/assets", { key, method: "POST", rawBody: "value=x" });
    expect(notJson.status).toBe(400);
    expect(Object.keys(json(notJson).error!.fieldErrors!)).toEqual(["body"]);
    const badCursor = await callApi(assetsRoute.GET, "/assets?cursor=nonsense&limit=0", { key });
    expect(badCursor.status).toBe(400);
    expect(Object.keys(json(badCursor).error!.fieldErrors!).sort()).toEqual(["cursor", "limit"]);
    expect(await db.asset.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("keeps the plan's asset cap and refuses duplicates (409)", async () => {
    await callApi(assetsRoute.POST, "/assets", { key, method: "POST", body: { value: "dup.example.test" } });
    const dup = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: "dup.example.test" },
    });
    expect(dup.status).toBe(409);
    expectDocumented(dup, "/assets", "POST");

    await db.organization.update({
      where: { id: org.id },
      data: { plan: "TRIAL", trialEndsAt: new Date(Date.now() - 1000) },
    });
    const ended = await callApi(assetsRoute.POST, "/assets", {
      key,
      method: "POST",
      body: { value: "late.example.test" },
    });
    expect(ended.status).toBe(402);
    expect(json(ended).error!.code).toBe("plan_limit");
  });

  it("never finds another organisation's asset (404), whatever the method", async () => {
    const stranger = await createUser();
    const other = await createOrg(stranger, { plan: "STARTER", trialEndsAt: null });
    const theirs = await db.asset.create({
      data: { organizationId: other.id, kind: "DOMAIN", value: "theirs.example.test" },
    });
    const params = { assetId: theirs.id };
    const answers = [
      await callApi(assetRoute.GET, `/assets/${theirs.id}`, { key, params }),
      await callApi(assetRoute.PATCH, `/assets/${theirs.id}`, {
        key,
        method: "PATCH",
        body: { label: "mine" },
        params,
      }),
      await callApi(assetRoute.DELETE, `/assets/${theirs.id}`, { key, method: "DELETE", params }),
      await callApi(assetScansRoute.POST, `/assets/${theirs.id}/scans`, { key, method: "POST", params }),
      await callApi(assetGradesRoute.GET, `/assets/${theirs.id}/grades`, { key, params }),
      await callApi(findingsRoute.GET, `/findings?asset=${theirs.id}`, { key }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    for (const a of answers) expect(json(a).error!.code).toBe("not_found");
    expect(await db.asset.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      label: null,
      deletedAt: null,
    });
    expect(await db.scanRun.count({ where: { assetId: theirs.id } })).toBe(0);
  });
});

describe("scans", () => {
  it("requests a scan (trigger API) under the cooldown, and reports its progress", async () => {
    const owner = await createUser();
    const org = await createOrg(owner, { plan: "STARTER", trialEndsAt: null });
    const { key } = await keyFor(owner, org);
    const asset = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "scan.example.test" },
    });

    const requested = await callApi(assetScansRoute.POST, `/assets/${asset.id}/scans`, {
      key,
      method: "POST",
      params: { assetId: asset.id },
    });
    expect(requested.status).toBe(202);
    expectDocumented(requested, "/assets/{assetId}/scans", "POST");
    const run = json(requested).scanRun as { id: string; status: string };
    expect(run.status).toBe("QUEUED");
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      trigger: "API",
      requestedById: owner.id,
    });
    expect(capture.events.some((e) => e.name === "asset/scan.requested" && e.data.scanRunId === run.id)).toBe(true);

    // Asked again while it is queued: the same scan.
    const again = await callApi(assetScansRoute.POST, `/assets/${asset.id}/scans`, {
      key,
      method: "POST",
      params: { assetId: asset.id },
    });
    expect((json(again).scanRun as { id: string }).id).toBe(run.id);

    await db.scanRun.update({
      where: { id: run.id },
      data: { status: "RUNNING", hostsTotal: 3, hostsDone: 1, portsFound: 4 },
    });
    const progress = await callApi(scanRoute.GET, `/scans/${run.id}`, { key, params: { scanRunId: run.id } });
    expect(progress.status).toBe(200);
    expectDocumented(progress, "/scans/{scanRunId}", "GET");
    expect(json(progress).scanRun).toMatchObject({ status: "RUNNING", hostsTotal: 3, hostsDone: 1, portsFound: 4 });

    // Finished a moment ago: the cooldown of "Scan now" holds for the API too.
    await db.scanRun.update({ where: { id: run.id }, data: { status: "COMPLETED", finishedAt: new Date() } });
    const cooldown = await callApi(assetScansRoute.POST, `/assets/${asset.id}/scans`, {
      key,
      method: "POST",
      params: { assetId: asset.id },
    });
    expect(cooldown.status).toBe(429);
    expect(json(cooldown).error!.message).toContain("scanned on demand a moment ago");

    // Another organisation's scan id is not found.
    const stranger = await createUser();
    const other = await createOrg(stranger);
    const { key: theirKey } = await keyFor(stranger, other, "READ");
    expect(
      (await callApi(scanRoute.GET, `/scans/${run.id}`, { key: theirKey, params: { scanRunId: run.id } })).status,
    ).toBe(404);
  });
});

describe("findings, grades and exposure changes", () => {
  let seeded: Awaited<ReturnType<typeof seedGradedOrg>>;
  let key: string;
  beforeAll(async () => {
    seeded = await seedGradedOrg(new Date(Date.now() - 60_000));
    const admin = await createUser();
    await addMember(seeded.org, admin, "ADMIN");
    ({ key } = await keyFor(admin, seeded.org, "READ"));
    // Older than the feed's settling delay.
    await db.exposureChange.updateMany({
      where: { organizationId: seeded.org.id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
  });

  it("streams the findings as JSON with every export column, filtered like /findings", async () => {
    const all = await callApi(findingsRoute.GET, "/findings", { key });
    expect(all.status).toBe(200);
    expectDocumented(all, "/findings", "GET");
    const rows = all.body as Record<string, unknown>[];
    expect(rows.map((r) => r.port).sort((a, b) => Number(a) - Number(b))).toEqual([22, 80, 6379, 8080, 40000]);
    expect(Object.keys(rows[0]!)).toEqual(EXPORT_COLUMNS);
    expect(Object.keys(findingSchema.shape)).toEqual(EXPORT_COLUMNS);

    const pending = await callApi(findingsRoute.GET, "/findings?pending=true", { key });
    expect((pending.body as { port: number }[]).map((r) => r.port)).toEqual([40000]);
    const mismatch = await callApi(findingsRoute.GET, "/findings?mismatch=true&protocol=tcp", { key });
    expect((mismatch.body as { port: number }[]).map((r) => r.port)).toEqual([8080]);

    const csv = await callApi(findingsRoute.GET, "/findings?format=csv&service=redis", { key });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(","));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",6379,tcp,");

    const bad = await callApi(findingsRoute.GET, "/findings?severity=urgent&format=xml", { key });
    expect(bad.status).toBe(400);
    expectDocumented(bad, "/findings", "GET");
    expect(Object.keys(json(bad).error!.fieldErrors!)).toEqual(["format"]);
    const badSeverity = await callApi(findingsRoute.GET, "/findings?severity=urgent", { key });
    expect(json(badSeverity).error!.fieldErrors!.severity![0]).toContain("Severity must be one of");
  });

  it("gives the organisation's and the asset's grade history, each point with its method version", async () => {
    const org = await callApi(gradesRoute.GET, "/grades", { key });
    expect(org.status).toBe(200);
    expectDocumented(org, "/grades", "GET");
    const points = (json(org) as { data: { assetId: string | null; methodVersion: string }[] }).data;
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const p of points) expect(p).toMatchObject({ assetId: null, methodVersion: GRADING_METHOD_VERSION });

    const assetId = seeded.asset.id;
    const first = await callApi(assetGradesRoute.GET, `/assets/${assetId}/grades?limit=1`, {
      key,
      params: { assetId },
    });
    expectDocumented(first, "/assets/{assetId}/grades", "GET");
    const page = json(first) as { data: { assetId: string; gradedAt: string }[]; nextCursor: string };
    expect(page.data).toHaveLength(1);
    expect(page.data[0]!.assetId).toBe(assetId);
    const second = await callApi(assetGradesRoute.GET, `/assets/${assetId}/grades?limit=1&cursor=${page.nextCursor}`, {
      key,
      params: { assetId },
    });
    const older = (json(second) as { data: { gradedAt: string }[] }).data[0]!;
    expect(Date.parse(older.gradedAt)).toBeLessThan(Date.parse(page.data[0]!.gradedAt));
  });

  it("feeds exposure changes after a cursor, each once", async () => {
    const first = await callApi(exposureRoute.GET, "/exposure-changes?limit=2", { key });
    expect(first.status).toBe(200);
    expectDocumented(first, "/exposure-changes", "GET");
    const seen: string[] = [];
    let page = json(first) as { data: { id: string; kind: string; port: number }[]; nextCursor: string };
    seen.push(...page.data.map((c) => c.id));
    for (let i = 0; i < 10 && page.data.length > 0; i++) {
      const next = await callApi(exposureRoute.GET, `/exposure-changes?limit=2&since=${page.nextCursor}`, { key });
      page = json(next) as typeof page;
      seen.push(...page.data.map((c) => c.id));
    }
    const stored = await db.exposureChange.findMany({ where: { organizationId: seeded.org.id }, select: { id: true } });
    expect(seen.sort()).toEqual(stored.map((s) => s.id).sort());
    expect(new Set(seen).size).toBe(seen.length);
    // Nothing new: the same cursor comes back, to poll with later.
    const idle = json(await callApi(exposureRoute.GET, `/exposure-changes?since=${page.nextCursor}`, { key }));
    expect(idle).toEqual({ data: [], nextCursor: page.nextCursor });
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After and RateLimit headers once a key used its window, counted in the database", async () => {
    vi.stubEnv("API_RATE_LIMIT", "3");
    vi.stubEnv("API_RATE_LIMIT_WINDOW_SECONDS", "120");
    try {
      const owner = await createUser();
      const org = await createOrg(owner);
      const { id, key } = await keyFor(owner, org, "READ");
      const other = await keyFor(owner, org, "READ");
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const a = await callApi(assetsRoute.GET, "/assets", { key });
        statuses.push(a.status);
        expect(a.headers.get("ratelimit-remaining")).toBe(String(2 - i));
      }
      const limited = await callApi(assetsRoute.GET, "/assets", { key });
      expect([...statuses, limited.status]).toEqual([200, 200, 200, 429]);
      expectDocumented(limited, "/assets", "GET");
      expect(json(limited).error!.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(100);
      expect(limited.headers.get("ratelimit-limit")).toBe("3");
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");
      expect(Number(limited.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(120);
      // Per key: another key of the same organisation is not affected.
      expect((await callApi(assetsRoute.GET, "/assets", { key: other.key })).status).toBe(200);
      // The counter lives in PostgreSQL, where every process of the app reads it.
      const row = await db.apiRateLimit.findFirstOrThrow({ where: { key: { contains: id } } });
      expect(row.points).toBe(4);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
