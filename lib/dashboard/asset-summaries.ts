import type { ScanProgressSummary } from "@/lib/scan-runs/get-scan-run-progress";
import { db } from "@/lib/db/client";
import type { AssetKind, ScanStatus } from "@/lib/generated/prisma/enums";
import { readAssetDailyScores } from "@/lib/exposure-rollups/read-rollups";
import { asUtcDay } from "./score-trend";
import { memberCheck, windowStart, type OrgScope } from "./org-scope";

export interface AssetSummary {
  id: string;
  kind: AssetKind;
  value: string;
  label: string | null;
  grade: string | null;
  score: number | null;
  lastScanAt: Date | null;
  openPorts: number;
  latestScan: ScanProgressSummary | null;
  /** Daily scores over the sparkline window, oldest first. */
  trend: { day: number; score: number }[];
}

interface Row {
  id: string;
  kind: AssetKind;
  value: string;
  label: string | null;
  grade: string | null;
  score: number | null;
  lastScanAt: Date | null;
  openPorts: number;
  scanId: string | null;
  scanStatus: ScanStatus | null;
  hostsDone: number | null;
  hostsTotal: number | null;
  portsFound: number | null;
  scanError: string | null;
}

/**
 * The organisation's assets worst grade first (ungraded last), with open port counts, the latest
 * scan and a score sparkline (from the daily rollup): a fixed number of statements whatever the number
 * of assets shown.
 */
export async function getAssetSummaries(
  ctx: OrgScope,
  options: { limit: number; trendDays?: number },
  now: Date = new Date(),
): Promise<AssetSummary[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id", a."kind", a."value", a."label", a."grade", a."score", a."lastScanAt",
      (SELECT count(*)::int FROM "PortInterval" p WHERE p."assetId" = a."id" AND p."organizationId" = a."organizationId" AND p."closedAt" IS NULL) AS "openPorts",
      r."id" AS "scanId", r."status" AS "scanStatus", r."hostsDone", r."hostsTotal", r."portsFound", r."error" AS "scanError"
    FROM "Asset" a
    LEFT JOIN LATERAL (
      SELECT r."id", r."status", r."hostsDone", r."hostsTotal", r."portsFound", r."error" FROM "ScanRun" r
      WHERE r."assetId" = a."id" AND r."organizationId" = a."organizationId"
      ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1
    ) r ON TRUE
    WHERE a."organizationId" = ${ctx.organizationId} AND a."deletedAt" IS NULL AND ${memberCheck(ctx)}
    ORDER BY a."score" ASC NULLS LAST, a."value"
    LIMIT ${options.limit}`;
  const trends = await readAssetDailyScores(ctx, {
    assetIds: rows.map((r) => r.id),
    since: windowStart(options.trendDays ?? 30, now),
    until: now,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    value: r.value,
    label: r.label,
    grade: r.grade,
    score: r.score,
    lastScanAt: r.lastScanAt,
    openPorts: r.openPorts,
    latestScan:
      r.scanId && r.scanStatus
        ? {
            id: r.scanId,
            status: r.scanStatus,
            hostsDone: r.hostsDone ?? 0,
            hostsTotal: r.hostsTotal ?? 0,
            portsFound: r.portsFound ?? 0,
            error: r.scanError,
          }
        : null,
    trend: (trends.get(r.id) ?? []).map((p) => ({ day: asUtcDay(p.day), score: p.score })),
  }));
}
