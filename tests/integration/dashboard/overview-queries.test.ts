import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getAssetSummaries } from "@/lib/dashboard/asset-summaries";
import { getOpenPortsTrend } from "@/lib/dashboard/open-ports-trend";
import { getOrgGradeSummary } from "@/lib/dashboard/org-grade-summary";
import { getRiskiestFindings } from "@/lib/dashboard/riskiest-findings";
import { getOrgScoreTrend } from "@/lib/dashboard/score-trend";
import { getServiceComparison } from "@/lib/dashboard/service-comparison";
import { seedGradedOrg } from "./seed-graded-org";

const now = new Date();
let mine: Awaited<ReturnType<typeof seedGradedOrg>>;
let theirs: Awaited<ReturnType<typeof seedGradedOrg>>;

beforeAll(async () => {
  mine = await seedGradedOrg(now, "mine.example.test");
  theirs = await seedGradedOrg(now, "theirs.example.test");
});

const ctx = () => mine.ctx;

describe("overview queries", () => {
  it("summarises the organisation's grade and how it moved over 7 and 30 days", async () => {
    const summary = await getOrgGradeSummary(ctx(), now);
    // Now: Redis (critical) caps the asset at 69; 40 days ago SSH + HTTP scored 100 − 8 − 3 = 89.
    expect(summary).toMatchObject({ grade: "F", assetCount: 1, gradedAssetCount: 1, openPorts: 5 });
    expect(summary!.change7).toBe(summary!.score! - 89);
    expect(summary!.change30).toBe(summary!.score! - 89);
  });

  it("draws the score trend from the grade in force when the window opens", async () => {
    const trend = await getOrgScoreTrend(ctx(), 30, now);
    expect(trend[0]).toMatchObject({ score: 89, grade: "B" });
    expect(trend.at(-1)!.score).toBeLessThan(60);
    const longer = await getOrgScoreTrend(ctx(), 90, now);
    expect(longer).toHaveLength(2);
  });

  it("counts open ports per day by severity", async () => {
    const trend = await getOpenPortsTrend(ctx(), 90, now);
    expect(trend).toHaveLength(90);
    const today = trend.at(-1)!;
    expect(today).toMatchObject({ critical: 1, medium: 3, low: 1, ungraded: 0 });
    const fortyDaysAgo = trend.at(-41)!;
    expect(fortyDaysAgo).toMatchObject({ critical: 0, medium: 1, low: 1 });
    expect(trend[0]).toMatchObject({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  it("compares typical and detected services and calls out mismatches and pending ports", async () => {
    const cmp = await getServiceComparison(ctx());
    expect(cmp.openPorts).toBe(5);
    expect(cmp.pendingPorts).toBe(1);
    expect(cmp.mismatches).toEqual([{ typical: "http-alt", detected: "ssh", ports: 1 }]);
    expect(cmp.services.find((s) => s.service === "ssh")).toEqual({
      service: "ssh",
      typical: 1,
      detected: 2,
      mismatched: 0,
    });
    expect(cmp.services.find((s) => s.service === "http-alt")).toEqual({
      service: "http-alt",
      typical: 1,
      detected: 0,
      mismatched: 1,
    });
  });

  it("lists the riskiest findings worst first", async () => {
    const risky = await getRiskiestFindings(ctx(), 3);
    expect(risky.map((f) => [f.port, f.severity])).toEqual([
      [6379, "critical"],
      [8080, "medium"],
      [40000, "medium"],
    ]);
    expect(risky[0]).toMatchObject({
      assetId: mine.asset.id,
      assetValue: "mine.example.test",
      ip: "127.0.0.10",
      product: "Redis",
      contribution: 35,
      ruleId: "redis",
    });
    // SSH hidden on 8080 costs its 8 points plus 4 for the mismatch; the pending port 8.
    expect(risky.map((f) => f.contribution)).toEqual([35, 12, 8]);
  });

  it("summarises assets with open ports, latest scan and a score sparkline", async () => {
    const [asset] = await getAssetSummaries(ctx(), { limit: 10, trendDays: 90 }, now);
    expect(asset).toMatchObject({
      id: mine.asset.id,
      openPorts: 5,
      latestScan: { id: mine.scans[1], status: "COMPLETED" },
    });
    // One point per day from the first grade (40 days ago, 89) to today's score, carried over quiet days.
    expect(asset!.trend).toHaveLength(41);
    expect([asset!.trend[0]!.score, asset!.trend.at(-2)!.score, asset!.trend.at(-1)!.score]).toEqual([
      89,
      89,
      asset!.score,
    ]);
  });

  it("never shows another organisation's data", async () => {
    const other = theirs.ctx;
    const assets = await getAssetSummaries(other, { limit: 10 }, now);
    expect(assets.map((a) => a.id)).toEqual([theirs.asset.id]);
    expect((await getRiskiestFindings(other)).every((f) => f.assetId === theirs.asset.id)).toBe(true);
    expect((await getServiceComparison(other)).openPorts).toBe(5);
  });

  it("a member removed since the context was made reads nothing", async () => {
    const stale = await seedGradedOrg(now, "stale.example.test");
    await db.membership.delete({ where: { id: stale.membership.id } });
    expect(await getOrgGradeSummary(stale.ctx, now)).toBeNull();
    expect(await getAssetSummaries(stale.ctx, { limit: 10 }, now)).toEqual([]);
    expect(await getRiskiestFindings(stale.ctx)).toEqual([]);
    expect((await getServiceComparison(stale.ctx)).openPorts).toBe(0);
    expect(await getOrgScoreTrend(stale.ctx, 90, now)).toEqual([]);
  });
});
