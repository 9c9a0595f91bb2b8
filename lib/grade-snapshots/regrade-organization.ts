import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gradeOrganization, type Grade } from "@/lib/grading";
import { recordOrganizationRollup } from "@/lib/exposure-rollups/record-organization-rollup";

export interface OrganizationRegrade {
  snapshotId: string;
  previous: { grade: string; score: number } | null;
  current: { grade: Grade; score: number };
  /** The letter or the score differs from the organisation's previous grade. */
  changed: boolean;
  methodVersion: string;
}

/**
 * Recomputes the organisation grade from its live graded assets, stores a snapshot (assetId null)
 * and updates Organization.grade/score. `cause` identifies what prompted it ("scan:<id>",
 * "asset-deleted:<id>"): a retry with the same cause returns the stored result, including whether
 * the grade changed, so the change is announced exactly once.
 */
export async function regradeOrganization(
  organizationId: string,
  input: { cause: string; scanRunId?: string | null; asOf: Date },
): Promise<OrganizationRegrade | null> {
  return db.$transaction(
    async (tx) => {
      // Serialises regrades of one organisation: each must see the previous one's result.
      const locked = await tx.$queryRaw<{ grade: string | null; score: number | null }[]>`
        SELECT "grade", "score" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
      const org = locked[0];
      if (!org) return null;

      const existing = await tx.gradeSnapshot.findFirst({
        where: { organizationId, assetId: null, findings: { path: ["cause"], equals: input.cause } },
        orderBy: { createdAt: "desc" },
      });
      if (existing) {
        const stored = existing.findings as { previous?: { grade: string; score: number } | null };
        const previous = stored.previous ?? null;
        return {
          snapshotId: existing.id,
          previous,
          current: { grade: existing.grade as Grade, score: existing.score },
          changed: previous === null || previous.grade !== existing.grade || previous.score !== existing.score,
          methodVersion: existing.methodVersion,
        };
      }

      const assets = await tx.asset.findMany({
        where: { organizationId, deletedAt: null, score: { not: null } },
        select: { id: true, value: true, grade: true, score: true },
        orderBy: { id: "asc" },
      });
      const result = gradeOrganization(assets.map((a) => ({ id: a.id, score: a.score! })));
      const previous = org.grade !== null && org.score !== null ? { grade: org.grade, score: org.score } : null;
      const snapshot = await tx.gradeSnapshot.create({
        data: {
          organizationId,
          assetId: null,
          scanRunId: input.scanRunId ?? null,
          grade: result.grade,
          score: result.score,
          methodVersion: result.methodVersion,
          createdAt: input.asOf,
          findings: {
            cause: input.cause,
            previous,
            assetCount: result.assetCount,
            weightedMean: result.weightedMean,
            worstAsset: result.worstAsset,
            worstAssetCeiling: result.worstAssetCeiling,
            assets: assets.map((a) => ({ assetId: a.id, value: a.value, grade: a.grade, score: a.score })),
          } as Prisma.InputJsonValue,
        },
      });
      await tx.organization.update({
        where: { id: organizationId },
        data: { grade: result.grade, score: result.score, gradedAt: input.asOf },
      });
      await recordOrganizationRollup(
        tx,
        organizationId,
        { grade: result.grade, score: result.score, assetCount: result.assetCount },
        input.asOf,
      );
      return {
        snapshotId: snapshot.id,
        previous,
        current: { grade: result.grade, score: result.score },
        changed: previous === null || previous.grade !== result.grade || previous.score !== result.score,
        methodVersion: result.methodVersion,
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
