import { db } from "@/lib/db/client";
import type { AssetKind } from "@/lib/generated/prisma/enums";
import { readSnapshotFinding, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import { memberCheck, type OrgScope } from "@/lib/dashboard/org-scope";

export interface ScoreBreakdown {
  snapshotId: string;
  gradedAt: Date;
  methodVersion: string;
  score: number;
  grade: string;
  totalDeduction: number;
  ceiling: { score: number; reason: string } | null;
  findings: SnapshotFinding[];
  catchAllHosts: { host: string; reason: string }[];
  notGradedCount: number;
}

export interface AssetHeader {
  id: string;
  kind: AssetKind;
  value: string;
  label: string | null;
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  lastScanAt: Date | null;
  nextScanAt: Date | null;
  createdAt: Date;
  /** The latest grade's arithmetic, as stored with it (docs/grading.md). */
  breakdown: ScoreBreakdown | null;
}

interface StoredBreakdown {
  totalDeduction?: number;
  ceiling?: { score: number; reason: string } | null;
  findings?: unknown[];
  notGraded?: unknown[];
  catchAllHosts?: { host?: string; ip?: string; reason?: string }[];
}

interface Row extends Omit<AssetHeader, "breakdown"> {
  snapshotId: string | null;
  snapshotAt: Date | null;
  methodVersion: string | null;
  snapshotScore: number | null;
  snapshotGrade: string | null;
  stored: StoredBreakdown | null;
}

/**
 * The asset (live, of this organisation) with its latest grade and the grade's breakdown; null otherwise.
 * One statement (the snapshot by a lateral join): every asset page view reads it, and Prisma's nested
 * relation would be a second query.
 */
export async function getAssetHeader(ctx: OrgScope, assetId: string): Promise<AssetHeader | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT a."id", a."kind"::text AS "kind", a."value", a."label", a."grade", a."score", a."gradedAt",
      a."lastScanAt", a."nextScanAt", a."createdAt",
      s."id" AS "snapshotId", s."createdAt" AS "snapshotAt", s."methodVersion", s."score" AS "snapshotScore",
      s."grade" AS "snapshotGrade", s."findings" AS "stored"
    FROM "Asset" AS a
    LEFT JOIN LATERAL (
      SELECT s."id", s."createdAt", s."methodVersion", s."score", s."grade", s."findings" FROM "GradeSnapshot" AS s
      WHERE s."organizationId" = a."organizationId" AND s."assetId" = a."id"
      ORDER BY s."createdAt" DESC LIMIT 1
    ) AS s ON TRUE
    WHERE a."id" = ${assetId} AND a."organizationId" = ${ctx.organizationId} AND a."deletedAt" IS NULL
      AND ${memberCheck(ctx)}`;
  if (!row) return null;
  const { snapshotId, snapshotAt, methodVersion, snapshotScore, snapshotGrade, stored, ...asset } = row;
  let breakdown: ScoreBreakdown | null = null;
  if (snapshotId !== null) {
    const saved = stored ?? {};
    breakdown = {
      snapshotId,
      gradedAt: snapshotAt!,
      methodVersion: methodVersion!,
      score: snapshotScore!,
      grade: snapshotGrade!,
      totalDeduction: saved.totalDeduction ?? 0,
      ceiling: saved.ceiling ?? null,
      findings: (saved.findings ?? []).flatMap((f) => readSnapshotFinding(f) ?? []),
      catchAllHosts: (saved.catchAllHosts ?? []).map((c) => ({ host: c.ip ?? c.host ?? "?", reason: c.reason ?? "" })),
      notGradedCount: saved.notGraded?.length ?? 0,
    };
  }
  return { ...asset, breakdown };
}
