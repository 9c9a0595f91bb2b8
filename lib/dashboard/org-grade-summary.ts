import { db } from "@/lib/db/client";
import { memberCheck, type OrgScope } from "./org-scope";

export interface OrgGradeSummary {
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  /** Score now minus the score 7 / 30 days ago; null when there was no grade then. */
  change7: number | null;
  change30: number | null;
  assetCount: number;
  gradedAssetCount: number;
  openPorts: number;
}

interface Row {
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  score7: number | null;
  score30: number | null;
  assetCount: number;
  gradedAssetCount: number;
  openPorts: number;
}

/** The organisation's current grade, how it moved over 7 and 30 days, and its size: one statement. */
export async function getOrgGradeSummary(ctx: OrgScope, now: Date = new Date()): Promise<OrgGradeSummary | null> {
  const day = 24 * 3600 * 1000;
  const at7 = new Date(now.getTime() - 7 * day);
  const at30 = new Date(now.getTime() - 30 * day);
  const rows = await db.$queryRaw<Row[]>`
    SELECT o."grade", o."score", o."gradedAt",
      (SELECT s."score" FROM "GradeSnapshot" s
        WHERE s."organizationId" = o."id" AND s."assetId" IS NULL AND s."createdAt" <= ${at7}
        ORDER BY s."createdAt" DESC LIMIT 1) AS "score7",
      (SELECT s."score" FROM "GradeSnapshot" s
        WHERE s."organizationId" = o."id" AND s."assetId" IS NULL AND s."createdAt" <= ${at30}
        ORDER BY s."createdAt" DESC LIMIT 1) AS "score30",
      (SELECT count(*)::int FROM "Asset" a WHERE a."organizationId" = o."id" AND a."deletedAt" IS NULL) AS "assetCount",
      (SELECT count(*)::int FROM "Asset" a WHERE a."organizationId" = o."id" AND a."deletedAt" IS NULL AND a."gradedAt" IS NOT NULL) AS "gradedAssetCount",
      (SELECT count(*)::int FROM "PortInterval" p JOIN "Asset" a ON a."id" = p."assetId" AND a."deletedAt" IS NULL
        WHERE p."organizationId" = o."id" AND p."closedAt" IS NULL) AS "openPorts"
    FROM "Organization" o WHERE o."id" = ${ctx.organizationId} AND ${memberCheck(ctx)}`;
  const row = rows[0];
  if (!row) return null;
  const change = (then: number | null) => (row.score !== null && then !== null ? row.score - then : null);
  return {
    grade: row.grade,
    score: row.score,
    gradedAt: row.gradedAt,
    change7: change(row.score7),
    change30: change(row.score30),
    assetCount: row.assetCount,
    gradedAssetCount: row.gradedAssetCount,
    openPorts: row.openPorts,
  };
}
