import { db } from "@/lib/db/client";
import { readOrgRollupsAsOf } from "@/lib/exposure-rollups/read-rollups";
import { memberCheck, type OrgScope } from "./org-scope";

export interface OrgGradeSummary {
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  /** Score now minus the score at the end of the day 7 / 30 days ago; null when there was no grade then. */
  change7: number | null;
  change30: number | null;
  assetCount: number;
  gradedAssetCount: number;
  /** Open ports of live assets as of the latest regrade (the daily rollup). */
  openPorts: number;
}

interface Row {
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  assetCount: number;
  gradedAssetCount: number;
}

const DAY = 24 * 3600 * 1000;

/**
 * The organisation's current grade, how it moved over 7 and 30 days and its size. The grade and asset
 * counts are one statement on Organization and Asset; the open ports and the scores 7 and 30 days ago
 * are one statement of three probes of the daily rollup (lib/exposure-rollups), never a walk over ports
 * or snapshots.
 */
export async function getOrgGradeSummary(ctx: OrgScope, now: Date = new Date()): Promise<OrgGradeSummary | null> {
  const [rows, [latest, at7, at30]] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT o."grade", o."score", o."gradedAt",
        (SELECT count(*)::int FROM "Asset" a WHERE a."organizationId" = o."id" AND a."deletedAt" IS NULL) AS "assetCount",
        (SELECT count(*)::int FROM "Asset" a WHERE a."organizationId" = o."id" AND a."deletedAt" IS NULL AND a."gradedAt" IS NOT NULL) AS "gradedAssetCount"
      FROM "Organization" o WHERE o."id" = ${ctx.organizationId} AND ${memberCheck(ctx)}`,
    readOrgRollupsAsOf(ctx, [now, new Date(now.getTime() - 7 * DAY), new Date(now.getTime() - 30 * DAY)]),
  ]);
  const row = rows[0];
  if (!row) return null;
  const change = (then: { score: number } | null | undefined) =>
    row.score !== null && then ? row.score - then.score : null;
  return {
    grade: row.grade,
    score: row.score,
    gradedAt: row.gradedAt,
    change7: change(at7),
    change30: change(at30),
    assetCount: row.assetCount,
    gradedAssetCount: row.gradedAssetCount,
    openPorts: latest?.openPorts ?? 0,
  };
}
