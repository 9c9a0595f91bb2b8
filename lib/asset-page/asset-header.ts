import { db } from "@/lib/db/client";
import type { AssetKind } from "@/lib/generated/prisma/enums";
import { readSnapshotFinding, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

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

/** The asset (live, of this organisation) with its latest grade and the grade's breakdown; null otherwise. */
export async function getAssetHeader(ctx: OrgScope, assetId: string): Promise<AssetHeader | null> {
  const asset = await db.asset.findFirst({
    where: { id: assetId, deletedAt: null, ...inOrganization(ctx, "assets:read") },
    select: {
      id: true,
      kind: true,
      value: true,
      label: true,
      grade: true,
      score: true,
      gradedAt: true,
      lastScanAt: true,
      nextScanAt: true,
      createdAt: true,
      gradeSnapshots: {
        where: { organizationId: ctx.organizationId },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, createdAt: true, methodVersion: true, score: true, grade: true, findings: true },
      },
    },
  });
  if (!asset) return null;
  const { gradeSnapshots, ...rest } = asset;
  const snapshot = gradeSnapshots[0];
  let breakdown: ScoreBreakdown | null = null;
  if (snapshot) {
    const stored = (snapshot.findings ?? {}) as StoredBreakdown;
    breakdown = {
      snapshotId: snapshot.id,
      gradedAt: snapshot.createdAt,
      methodVersion: snapshot.methodVersion,
      score: snapshot.score,
      grade: snapshot.grade,
      totalDeduction: stored.totalDeduction ?? 0,
      ceiling: stored.ceiling ?? null,
      findings: (stored.findings ?? []).flatMap((f) => readSnapshotFinding(f) ?? []),
      catchAllHosts: (stored.catchAllHosts ?? []).map((c) => ({ host: c.ip ?? c.host ?? "?", reason: c.reason ?? "" })),
      notGradedCount: stored.notGraded?.length ?? 0,
    };
  }
  return { ...rest, breakdown };
}
