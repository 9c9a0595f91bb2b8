import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ensureVerificationTokens } from "@/lib/asset-verification/ensure-verification-tokens";
import { listAssetPage } from "@/lib/assets/list-asset-page";
import { requireMembership } from "@/lib/authz/membership";
import { parseAssetListSearchParams, withAssetListDefaults, type AssetListQuery } from "@/lib/validation/asset-list";
import { addMember, createOrg, createUser } from "../orgs/support/fixtures";

/**
 * The /assets page's query: 60 assets in organisation A (every 4th graded, every 5th verified, every 3rd
 * scanned, labels on a few, one deleted), and look-alikes in organisation B that must never show up.
 */
const COUNT = 60;
const BASE = Date.parse("2026-10-01T00:00:00Z");
const name = (i: number) => `host-${String(i).padStart(2, "0")}.example.test`;
const q = (over: Partial<AssetListQuery> = {}): AssetListQuery => ({ ...withAssetListDefaults({}), ...over });

let orgA: { id: string };
let orgB: { id: string };
let viewerA: { id: string };
let ownerA: { id: string };
let ownerB: { id: string };
const readA = async () => requireMembership(viewerA.id, orgA.id, "assets:read");
const page = async (over: Partial<AssetListQuery> = {}) => listAssetPage(await readA(), q(over));
const values = (p: { assets: { value: string }[] }) => p.assets.map((a) => a.value);

beforeAll(async () => {
  ownerA = await createUser();
  viewerA = await createUser();
  ownerB = await createUser();
  orgA = await createOrg(ownerA, { plan: "PRO" });
  orgB = await createOrg(ownerB, { plan: "PRO" });
  await addMember(orgA, viewerA, "VIEWER");

  await db.asset.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      organizationId: orgA.id,
      kind: "DOMAIN" as const,
      value: name(i),
      // host-00 is the oldest, host-59 the newest.
      createdAt: new Date(BASE + i * 60_000),
      label: i === 7 ? "Payments API" : i === 42 ? "payments (legacy) 100%" : null,
      ...(i % 4 === 0 ? { grade: "C", score: 100 - i, gradedAt: new Date(BASE) } : {}),
      ...(i % 5 === 0 ? { verifiedAt: new Date(BASE), verificationMethod: "dns-txt" } : {}),
      ...(i % 3 === 0 ? { lastScanAt: new Date(BASE + (COUNT - i) * 3_600_000) } : {}),
      verificationToken: i % 2 === 0 ? null : `token-${i}`,
    })),
  });
  await db.asset.create({
    data: {
      organizationId: orgA.id,
      kind: "DOMAIN",
      value: "deleted-payments.example.test",
      label: "Payments",
      deletedAt: new Date(),
    },
  });
  const resolved = await db.asset.findFirstOrThrow({ where: { organizationId: orgA.id, value: name(11) } });
  await db.host.create({
    data: { organizationId: orgA.id, assetId: resolved.id, ip: "127.0.0.77", hostname: name(11) },
  });
  // Organisation B: the same names, a matching label and address, a better grade and a newer date.
  await db.asset.createMany({
    data: [0, 7, 11, 59].map((i) => ({
      organizationId: orgB.id,
      kind: "DOMAIN" as const,
      value: name(i),
      label: "Payments API",
      grade: "A",
      score: 0,
      createdAt: new Date(BASE + 10 * 86_400_000),
    })),
  });
  const bAsset = await db.asset.findFirstOrThrow({ where: { organizationId: orgB.id, value: name(11) } });
  await db.host.create({ data: { organizationId: orgB.id, assetId: bAsset.id, ip: "127.0.0.77", hostname: name(11) } });
});

describe("the assets page query", () => {
  it("pages newest first with exact boundaries, the filtered and the organisation's totals", async () => {
    const first = await page({ pageSize: 25 });
    expect(first).toMatchObject({ matching: COUNT, total: COUNT, page: 1 });
    expect(values(first)).toHaveLength(25);
    expect(values(first)[0]).toBe(name(59));
    expect(values(first)[24]).toBe(name(35));
    const second = await page({ pageSize: 25, page: 2 });
    expect([values(second)[0], values(second)[24]]).toEqual([name(34), name(10)]);
    const last = await page({ pageSize: 25, page: 3 });
    expect(values(last)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(name));
    // Every live asset exactly once across the pages; the deleted one on none.
    const all = [...values(first), ...values(second), ...values(last)];
    expect(new Set(all).size).toBe(COUNT);
    expect(all).not.toContain("deleted-payments.example.test");
  });

  it("shows the last page for a link past the end", async () => {
    const beyond = await page({ pageSize: 25, page: 9 });
    expect(beyond.page).toBe(3);
    expect(values(beyond)).toHaveLength(10);
    expect(beyond.assets.every((a) => a.latestScan === null)).toBe(true);
  });

  it("carries each asset's most recent scan run only", async () => {
    const newest = await db.asset.findFirstOrThrow({ where: { organizationId: orgA.id, value: name(59) } });
    const run = (status: "COMPLETED" | "FAILED" | "RUNNING", minutes: number, error: string | null = null) =>
      db.scanRun.create({
        data: {
          organizationId: orgA.id,
          assetId: newest.id,
          status,
          trigger: "SCHEDULED",
          portSpec: "top-1000",
          hostsTotal: 2,
          hostsDone: 1,
          portsFound: 3,
          error,
          createdAt: new Date(BASE + minutes * 60_000),
        },
      });
    await run("COMPLETED", 1);
    const failed = await run("FAILED", 3, "DNS did not answer");
    await run("RUNNING", 2);
    const [first, second] = (await page({ pageSize: 25 })).assets;
    expect(first!.latestScan).toEqual({
      id: failed.id,
      status: "FAILED",
      hostsDone: 1,
      hostsTotal: 2,
      portsFound: 3,
      error: "DNS did not answer",
    });
    expect(second!.latestScan).toBeNull();
  });

  it("searches the domain, the label and the resolved addresses, case-insensitively and literally", async () => {
    expect(values(await page({ q: "HOST-0" }))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(name));
    // The deleted asset's label matches too, but it is gone.
    const payments = await page({ q: "payMENTS" });
    expect(values(payments)).toEqual([name(42), name(7)]);
    expect(payments).toMatchObject({ matching: 2, total: COUNT });
    expect(values(await page({ q: "127.0.0.77" }))).toEqual([name(11)]);
    // LIKE's wildcards mean themselves: "100%" is the text; "5%" and "_" match no name.
    expect(values(await page({ q: "100%" }))).toEqual([name(42)]);
    expect(values(await page({ q: "5%" }))).toEqual([]);
    expect((await page({ q: "_" })).matching).toBe(0);
    expect(await page({ q: "nothing-like-this" })).toMatchObject({ assets: [], matching: 0, total: COUNT, page: 1 });
  });

  it("filters by grade and by ownership, alone and with a search", async () => {
    const graded = await page({ status: "graded", pageSize: 100 });
    expect(graded.matching).toBe(15);
    expect(graded.assets.every((a) => a.grade === "C")).toBe(true);
    expect((await page({ status: "ungraded" })).matching).toBe(45);
    const verified = await page({ status: "verified", pageSize: 100 });
    expect(verified.matching).toBe(12);
    expect(verified.assets.every((a) => a.verifiedAt !== null)).toBe(true);
    expect((await page({ status: "unverified" })).matching).toBe(48);
    expect(values(await page({ status: "graded", q: "host-0" }))).toEqual([8, 4, 0].map(name));
    expect((await page({ status: "graded" })).total).toBe(COUNT);
  });

  it("sorts worst grade first, by name and by last scan, each a total order", async () => {
    const worst = await page({ sort: "grade", pageSize: 100 });
    // score = 100 - i: the highest i is the worst; the ungraded follow, by name.
    expect(values(worst).slice(0, 3)).toEqual([name(56), name(52), name(48)]);
    expect(worst.assets.slice(15).every((a) => a.score === null)).toBe(true);
    expect(values(worst).slice(15, 17)).toEqual([name(1), name(2)]);
    const byName = await page({ sort: "name", pageSize: 25, page: 2 });
    expect(values(byName)[0]).toBe(name(25));
    const scanned = await page({ sort: "lastScan", pageSize: 100 });
    // lastScanAt falls as i grows: host-00 was scanned last; never-scanned assets come after, by name.
    expect(values(scanned).slice(0, 3)).toEqual([name(0), name(3), name(6)]);
    expect(scanned.assets.slice(20).every((a) => a.lastScanAt === null)).toBe(true);
    expect(values(scanned)[20]).toBe(name(1));
  });

  it("never shows another organisation's assets, and nothing once the member is removed", async () => {
    const b = await listAssetPage(await requireMembership(ownerB.id, orgB.id, "assets:read"), q({ q: "payments" }));
    expect(b).toMatchObject({ matching: 4, total: 4 });
    const idsB = new Set((await db.asset.findMany({ where: { organizationId: orgB.id } })).map((a) => a.id));
    for (const over of [{}, { q: "127.0.0.77" }, { sort: "grade" as const }, { status: "graded" as const }]) {
      const p = await page({ ...over, pageSize: 100 });
      expect(p.assets.filter((a) => idsB.has(a.id))).toEqual([]);
    }
    expect(values(await page({ sort: "grade" }))[0]).toBe(name(56));

    // A context made before the membership was removed reads nothing.
    const stale = await readA();
    await db.membership.deleteMany({ where: { organizationId: orgA.id, userId: viewerA.id } });
    try {
      expect(await listAssetPage(stale, q())).toMatchObject({ assets: [], matching: 0, total: 0 });
    } finally {
      await addMember(orgA, viewerA, "VIEWER");
    }
  });
});

describe("verification secrets of a page", () => {
  it("gives the page's assets without one a secret in one statement, keeps existing ones, skips other organisations", async () => {
    const writer = await requireMembership(ownerA.id, orgA.id, "assets:write");
    const shown = (await page({ sort: "name", pageSize: 10 })).assets;
    const bAsset = await db.asset.findFirstOrThrow({ where: { organizationId: orgB.id } });
    const tokens = await ensureVerificationTokens(writer, [...shown, { id: bAsset.id, verificationToken: null }]);

    expect(tokens.get(shown[1]!.id)).toBe("token-1");
    const created = shown.filter((a) => a.verificationToken === null);
    expect(created.map((a) => a.value)).toEqual([0, 2, 4, 6, 8].map(name));
    const stored = await db.asset.findMany({
      where: { id: { in: created.map((a) => a.id) } },
      select: { id: true, verificationToken: true },
    });
    for (const row of stored) {
      expect(row.verificationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(tokens.get(row.id)).toBe(row.verificationToken);
    }
    expect(new Set(stored.map((r) => r.verificationToken)).size).toBe(created.length);
    expect(tokens.has(bAsset.id)).toBe(false);
    expect((await db.asset.findUniqueOrThrow({ where: { id: bAsset.id } })).verificationToken).toBeNull();

    // A second view (or one racing the first) gets the same secrets, never new ones.
    const again = await ensureVerificationTokens(
      writer,
      created.map((a) => ({ id: a.id, verificationToken: null })),
    );
    expect([...again.entries()].sort()).toEqual(stored.map((r) => [r.id, r.verificationToken]).sort());
    // Outside the page, assets keep having none until they are shown.
    expect(
      (await db.asset.findFirstOrThrow({ where: { organizationId: orgA.id, value: name(58) } })).verificationToken,
    ).toBeNull();
  });
});

describe("the assets page URL", () => {
  it("keeps the valid parameters of a link and reports the others", () => {
    expect(
      parseAssetListSearchParams({ q: "  shop ", status: "graded", sort: "grade", page: "3", pageSize: "100" }),
    ).toEqual({
      query: { q: "shop", status: "graded", sort: "grade", page: 3, pageSize: 100 },
      errors: [],
    });
    const { query, errors } = parseAssetListSearchParams({ q: "shop", status: "broken", pageSize: "7", page: "0" });
    expect(query).toEqual({ q: "shop", sort: "newest", page: 1, pageSize: 50 });
    expect(errors.map((e) => e.field).sort()).toEqual(["page", "pageSize", "status"]);
    expect(parseAssetListSearchParams({ q: "" }).query).toEqual({ sort: "newest", page: 1, pageSize: 50 });
  });
});
