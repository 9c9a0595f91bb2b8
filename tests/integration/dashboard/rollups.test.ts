import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readAssetDailyScores, readOrgDailyRollup } from "@/lib/exposure-rollups/read-rollups";
import { readServiceCounts } from "@/lib/exposure-rollups/service-counts";
import { gradeAssetExposure } from "@/lib/grade-snapshots/grade-asset-exposure";
import { regradeOrganization } from "@/lib/grade-snapshots/regrade-organization";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { createOrgWithAsset, openPort, startRunWithHost } from "../scans/fixtures";
import { viewerContext } from "./member-context";

async function scanAndGrade(orgId: string, assetId: string, ports: ReturnType<typeof openPort>[], asOf: Date) {
  const { scanRunId, hostId } = await startRunWithHost(orgId, assetId);
  await storeHostObservations(orgId, { scanRunId, hostId, ports, catchAll: false, observedAt: asOf });
  await gradeAssetExposure(orgId, { assetId, scanRunId, asOf });
  await regradeOrganization(orgId, { cause: `scan:${scanRunId}`, scanRunId, asOf });
}

describe("the grading step keeps per-port severity and the daily rollups", () => {
  it("writes each open port's severity, contribution, rule and mismatch, and the day's counts", async () => {
    const { org, asset } = await createOrgWithAsset();
    const day1 = new Date("2026-11-01T10:00:00Z");
    await scanAndGrade(
      org.id,
      asset.id,
      [
        openPort(6379, { typicalService: "redis", detectedService: "redis" }),
        // SSH answering on 8080: typical http-alt, detected ssh → a mismatch.
        openPort(8080, { typicalService: "http-alt", detectedService: "ssh" }),
        openPort(443, { typicalService: "https", detectedService: "https" }),
        openPort(49999, { typicalService: null, detectedService: null, pendingClassification: true }),
        openPort(161, { protocol: "udp", state: "open|filtered", typicalService: "snmp", detectedService: null }),
      ],
      day1,
    );

    const ports = await db.portInterval.findMany({
      where: { assetId: asset.id, closedAt: null },
      orderBy: { port: "asc" },
    });
    const byPort = Object.fromEntries(ports.map((p) => [p.port, p]));
    expect(byPort[6379]).toMatchObject({
      severity: "critical",
      ruleId: "redis",
      contribution: 35,
      serviceMismatch: false,
    });
    expect(byPort[8080]).toMatchObject({ severity: "medium", ruleId: "ssh", serviceMismatch: true });
    expect(byPort[8080]!.contribution).toBeGreaterThan(8);
    expect(byPort[443]).toMatchObject({ severity: "info", contribution: 0 });
    expect(byPort[49999]).toMatchObject({ severity: "medium", ruleId: "pending" });
    expect(byPort[161]).toMatchObject({ severity: null, contribution: null, ruleId: null });

    const [rollup] = await db.assetDailyRollup.findMany({ where: { assetId: asset.id } });
    expect(rollup).toMatchObject({ openPorts: 5, critical: 1, high: 0, medium: 2, low: 0, info: 1, ungraded: 1 });
    expect(rollup!.day.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    const orgRow = await db.organizationDailyRollup.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(orgRow).toMatchObject({
      openPorts: 5,
      critical: 1,
      medium: 2,
      info: 1,
      ungraded: 1,
      assetCount: 1,
      score: rollup!.score,
    });
    // The typical-versus-detected groups the overview's chart reads, one per (typical, detected, pending).
    expect(readServiceCounts(orgRow.services)).toEqual(
      expect.arrayContaining([
        { typical: "redis", detected: "redis", pending: false, ports: 1 },
        { typical: "http-alt", detected: "ssh", pending: false, ports: 1 },
        { typical: null, detected: null, pending: true, ports: 1 },
        { typical: "snmp", detected: null, pending: false, ports: 1 },
      ]),
    );
    expect(readServiceCounts(orgRow.services).reduce((n, g) => n + g.ports, 0)).toBe(5);
  });

  it("overwrites the day's row on a later grading, carries days forward, and keeps other organisations out", async () => {
    const { org, asset } = await createOrgWithAsset();
    const other = await createOrgWithAsset();
    await scanAndGrade(
      org.id,
      asset.id,
      [openPort(3389, { typicalService: "ms-wbt-server", detectedService: "rdp" })],
      new Date("2026-11-01T08:00:00Z"),
    );
    await scanAndGrade(
      org.id,
      asset.id,
      [openPort(443, { typicalService: "https", detectedService: "https" })],
      new Date("2026-11-01T20:00:00Z"),
    );
    await scanAndGrade(
      other.org.id,
      other.asset.id,
      [openPort(23, { typicalService: "telnet", detectedService: "telnet" })],
      new Date("2026-11-01T09:00:00Z"),
    );
    expect(await db.assetDailyRollup.count({ where: { assetId: asset.id } })).toBe(1);

    const series = await readOrgDailyRollup(await viewerContext(org.id, "assets:read"), {
      since: new Date("2026-10-30T00:00:00Z"),
      until: new Date("2026-11-03T12:00:00Z"),
    });
    // No point before the first grading; the evening grade wins for Nov 1 and carries to Nov 3.
    expect(series.map((p) => p.day)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series.every((p) => p.grade === "A" && p.critical === 0 && p.openPorts === 1)).toBe(true);

    const scores = await readAssetDailyScores(await viewerContext(org.id, "assets:read"), {
      assetIds: [asset.id, other.asset.id],
      since: new Date("2026-11-02T00:00:00Z"),
      until: new Date("2026-11-02T23:00:00Z"),
    });
    expect([...scores.keys()]).toEqual([asset.id]);
    // The range starts after the last grading: the value comes from the row before it.
    expect(scores.get(asset.id)).toEqual([{ day: "2026-11-02", grade: "A", score: expect.any(Number) }]);
  });
});
