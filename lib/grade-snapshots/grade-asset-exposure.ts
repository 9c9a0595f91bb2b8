import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gradeAsset, type Grade } from "@/lib/grading";
import { recordGradedPorts } from "@/lib/exposure-rollups/record-graded-ports";
import { openFindingsOfAsset } from "./open-findings-of-asset";

export interface StoredAssetGrade {
  snapshotId: string;
  grade: Grade;
  score: number;
  methodVersion: string;
}

/**
 * Grades the asset from its currently open intervals, stores a GradeSnapshot holding every finding
 * with its severity, reason and deduction, and updates Asset.grade/score, each open interval's
 * severity and contribution, and the asset's daily rollup. One snapshot per scan run:
 * a retry returns the stored one. Null when the asset is gone or deleted.
 */
export async function gradeAssetExposure(
  organizationId: string,
  input: { assetId: string; scanRunId: string; asOf: Date },
): Promise<StoredAssetGrade | null> {
  const asset = await db.asset.findFirst({
    where: { id: input.assetId, organizationId, deletedAt: null },
    select: { id: true },
  });
  if (!asset) return null;
  const existing = await db.gradeSnapshot.findFirst({
    where: { organizationId, assetId: asset.id, scanRunId: input.scanRunId },
    orderBy: { createdAt: "desc" },
  });
  if (existing)
    return {
      snapshotId: existing.id,
      grade: existing.grade as Grade,
      score: existing.score,
      methodVersion: existing.methodVersion,
    };

  const ports = await openFindingsOfAsset(organizationId, asset.id);
  const result = gradeAsset(ports, { asOf: input.asOf });
  const findings = JSON.parse(
    JSON.stringify({
      totalDeduction: result.totalDeduction,
      ceiling: result.ceiling,
      findings: result.findings,
      notGraded: result.notGraded,
      catchAllHosts: result.catchAllHosts,
    }),
  ) as Prisma.InputJsonValue;

  return db.$transaction(async (tx) => {
    const snapshot = await tx.gradeSnapshot.create({
      data: {
        organizationId,
        assetId: asset.id,
        scanRunId: input.scanRunId,
        grade: result.grade,
        score: result.score,
        methodVersion: result.methodVersion,
        findings,
        createdAt: input.asOf,
      },
    });
    await tx.asset.updateMany({
      where: { id: asset.id, organizationId },
      data: { grade: result.grade, score: result.score, gradedAt: input.asOf },
    });
    await recordGradedPorts(tx, organizationId, asset.id, ports, result, input.asOf);
    return { snapshotId: snapshot.id, grade: result.grade, score: result.score, methodVersion: result.methodVersion };
  });
}
