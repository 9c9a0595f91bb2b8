import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import type { Cursor } from "@/lib/validation/pagination";

export interface GradePoint {
  id: string;
  /** Null for the organisation's own grade. */
  assetId: string | null;
  scanRunId: string | null;
  grade: string;
  score: number;
  /** The grading method that produced the point (docs/grading.md). */
  methodVersion: string;
  gradedAt: Date;
}

/**
 * Every stored grade of the organisation (`assetId` null) or of one of its assets, newest first, one
 * page after `after`: each grading as it happened, with its method version (the charts use daily
 * points instead, lib/dashboard/score-trend.ts). Null when the asset is not a live asset of this
 * organisation, so "not found" and "no grades yet" differ.
 */
export async function listGradeHistory(
  ctx: OrgContext<"assets:read">,
  params: { assetId: string | null; after?: Cursor; limit: number },
): Promise<GradePoint[] | null> {
  const { assetId, after } = params;
  if (assetId !== null) {
    const asset = await db.asset.findFirst({
      where: { id: assetId, deletedAt: null, ...inOrganization(ctx, "assets:read") },
      select: { id: true },
    });
    if (!asset) return null;
  }
  const rows = await db.gradeSnapshot.findMany({
    where: {
      assetId,
      ...inOrganization(ctx, "assets:read"),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: params.limit,
    select: {
      id: true,
      assetId: true,
      scanRunId: true,
      grade: true,
      score: true,
      methodVersion: true,
      createdAt: true,
    },
  });
  return rows.map(({ createdAt, ...point }) => ({ ...point, gradedAt: createdAt }));
}
