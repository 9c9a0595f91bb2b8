import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getAssetHeader } from "@/lib/asset-page/asset-header";
import { listAssetHosts } from "@/lib/asset-page/asset-hosts";
import { listExposureTimeline } from "@/lib/asset-page/exposure-timeline";
import { listOpenPorts } from "@/lib/asset-page/open-ports";
import { listScanHistory } from "@/lib/asset-page/scan-history";
import { getAssetScoreHistory } from "@/lib/asset-page/asset-score-history";
import { seedGradedOrg } from "./seed-graded-org";

const now = new Date();
let mine: Awaited<ReturnType<typeof seedGradedOrg>>;
let theirs: Awaited<ReturnType<typeof seedGradedOrg>>;

beforeAll(async () => {
  mine = await seedGradedOrg(now, "page.example.test");
  theirs = await seedGradedOrg(now, "other.example.test");
});

describe("asset page queries", () => {
  it("reads the asset with its latest grade's breakdown", async () => {
    const header = await getAssetHeader(mine.ctx, mine.asset.id);
    expect(header).toMatchObject({ value: "page.example.test", grade: "F" });
    const b = header!.breakdown!;
    expect(b.findings).toHaveLength(5);
    expect(b.ceiling?.score).toBe(69);
    expect(b.findings.reduce((n, f) => n + f.deduction, 0)).toBeCloseTo(b.totalDeduction);
    expect(b.findings.find((f) => f.port === 6379)).toMatchObject({
      severity: "critical",
      deduction: 35,
      ruleId: "redis",
    });
  });

  it("lists open ports with typical, detected, severity, contribution and evidence", async () => {
    const ctx = mine.ctx;
    const header = (await getAssetHeader(ctx, mine.asset.id))!;
    const ports = await listOpenPorts(ctx, mine.asset.id, header.breakdown!.findings);
    expect(ports.map((p) => p.port)).toEqual([22, 80, 6379, 8080, 40000]);
    expect(ports.find((p) => p.port === 8080)).toMatchObject({
      typicalService: "http-alt",
      detectedService: "ssh",
      product: "OpenSSH",
      severity: "medium",
      contribution: 12,
      ip: "127.0.0.10",
    });
    expect(ports.find((p) => p.port === 40000)).toMatchObject({
      pendingClassification: true,
      typicalService: null,
      severity: "medium",
    });
    expect(ports.find((p) => p.port === 22)!.openedByScanRunId).toBe(mine.scans[0]);
    // The evidence panel's data: the banner, TLS and facts as stored, the grade's reason, real dates.
    const redis = ports.find((p) => p.port === 6379)!;
    expect(redis).toMatchObject({
      protocol: "tcp",
      state: "open",
      banner: "-NOAUTH Authentication required.",
      tls: null,
    });
    expect(redis.facts).toEqual({});
    expect(redis.reason).toBe(header.breakdown!.findings.find((f) => f.port === 6379)!.reason);
    expect(redis.firstSeenAt).toBeInstanceOf(Date);
    expect(redis.lastSeenAt.getTime()).toBe(now.getTime());
  });

  it("lists hosts, exposure changes, scans and the grade history", async () => {
    const ctx = mine.ctx;
    const hosts = await listAssetHosts(ctx, mine.asset);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({ ip: "127.0.0.10", source: "target", catchAll: false, openPorts: 5 });
    const timeline = await listExposureTimeline(ctx, mine.asset.id);
    expect(
      timeline
        .filter((e) => e.kind === "PORT_OPENED")
        .map((e) => e.port)
        .sort((a, b) => a - b),
    ).toEqual([22, 80, 6379, 8080, 40000]);
    expect((await listScanHistory(ctx, mine.asset.id)).map((r) => r.id)).toEqual([mine.scans[1], mine.scans[0]]);
    // One point per day from the first grade (89, 40 days ago) to today's, as the sparkline draws it.
    const history = await getAssetScoreHistory(ctx, mine.asset.id, 365, now);
    const header = (await getAssetHeader(ctx, mine.asset.id))!;
    expect(history[0]!.score).toBe(89);
    expect(history.at(-1)).toMatchObject({ score: header.score, grade: header.grade });
    expect(history.length).toBeGreaterThanOrEqual(41);
    expect(new Set(history.slice(0, -1).map((p) => p.score))).toEqual(new Set([89]));
  });

  it("another organisation's asset id is not found, and reveals nothing", async () => {
    const ctx = theirs.ctx;
    expect(await getAssetHeader(ctx, mine.asset.id)).toBeNull();
    expect(await listOpenPorts(ctx, mine.asset.id, [])).toEqual([]);
    expect(await listAssetHosts(ctx, mine.asset)).toEqual([]);
    expect(await listExposureTimeline(ctx, mine.asset.id)).toEqual([]);
    expect(await listScanHistory(ctx, mine.asset.id)).toEqual([]);
    expect(await getAssetScoreHistory(ctx, mine.asset.id, 365, now)).toEqual([]);
  });

  it("a member removed since the context was made reads nothing", async () => {
    const stale = await seedGradedOrg(now, "stale-page.example.test");
    expect(await listOpenPorts(stale.ctx, stale.asset.id, [])).not.toEqual([]);
    await db.membership.delete({ where: { id: stale.membership.id } });
    expect(await getAssetHeader(stale.ctx, stale.asset.id)).toBeNull();
    expect(await listOpenPorts(stale.ctx, stale.asset.id, [])).toEqual([]);
    expect(await listAssetHosts(stale.ctx, stale.asset)).toEqual([]);
    expect(await listExposureTimeline(stale.ctx, stale.asset.id)).toEqual([]);
    expect(await listScanHistory(stale.ctx, stale.asset.id)).toEqual([]);
    expect(await getAssetScoreHistory(stale.ctx, stale.asset.id, 365, now)).toEqual([]);
  });

  it("a deleted asset is not found", async () => {
    await db.asset.update({ where: { id: theirs.asset.id }, data: { deletedAt: new Date() } });
    expect(await getAssetHeader(theirs.ctx, theirs.asset.id)).toBeNull();
  });
});
