import { db } from "@/lib/db/client";
import type { AssetKind } from "@/lib/generated/prisma/enums";
import { memberOfAssetOrganization } from "./asset-membership-filter";

export interface AssetRow {
  id: string;
  kind: AssetKind;
  value: string;
  label: string | null;
  createdAt: Date;
  lastScanAt: Date | null;
  nextScanAt: Date | null;
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
}

/** The organisation's monitored assets (not deleted), newest first; any member may list them. */
export async function listAssets(params: { organizationId: string; userId: string }): Promise<AssetRow[]> {
  return db.asset.findMany({
    where: { organizationId: params.organizationId, deletedAt: null, ...memberOfAssetOrganization(params.userId, "VIEWER") },
    select: {
      id: true,
      kind: true,
      value: true,
      label: true,
      createdAt: true,
      lastScanAt: true,
      nextScanAt: true,
      grade: true,
      score: true,
      gradedAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
