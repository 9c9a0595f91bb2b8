import { db } from "@/lib/db/client";
import { readSnapshotFinding, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import { memberCheck, type OrgScope } from "./org-scope";

export interface RiskyFinding extends SnapshotFinding {
  assetId: string;
  assetValue: string;
}

/**
 * The organisation's worst open findings right now: from each live asset's latest grade snapshot,
 * ordered worst severity first, then by points. Selected and ordered in SQL; only `limit` rows leave
 * the database.
 */
export async function getRiskiestFindings(ctx: OrgScope, limit = 8): Promise<RiskyFinding[]> {
  const rows = await db.$queryRaw<{ assetId: string; assetValue: string; finding: unknown }[]>`
    SELECT a."id" AS "assetId", a."value" AS "assetValue", f AS "finding"
    FROM "Asset" a
    CROSS JOIN LATERAL (
      SELECT g."findings" FROM "GradeSnapshot" g
      WHERE g."organizationId" = a."organizationId" AND g."assetId" = a."id"
      ORDER BY g."createdAt" DESC LIMIT 1
    ) s
    CROSS JOIN LATERAL jsonb_array_elements(s."findings"->'findings') f
    WHERE a."organizationId" = ${ctx.organizationId} AND a."deletedAt" IS NULL AND a."gradedAt" IS NOT NULL AND ${memberCheck(ctx)}
      AND (f->>'rawDeduction')::float8 > 0
    ORDER BY CASE f->>'severity' WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
      (f->>'rawDeduction')::float8 DESC, a."value", (f->'finding'->>'port')::int
    LIMIT ${limit}`;
  return rows.flatMap((r) => {
    const finding = readSnapshotFinding(r.finding);
    return finding ? [{ ...finding, assetId: r.assetId, assetValue: r.assetValue }] : [];
  });
}
