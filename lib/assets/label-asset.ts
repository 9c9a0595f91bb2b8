import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { memberOfAssetOrganization } from "./asset-membership-filter";

/** Sets or clears an asset's label (admins and owners). Another organisation's asset is "not found". */
export async function labelAsset(params: { organizationId: string; userId: string; assetId: string; label: string | null }): Promise<void> {
  const { count } = await db.asset.updateMany({
    where: { id: params.assetId, organizationId: params.organizationId, deletedAt: null, ...memberOfAssetOrganization(params.userId, "ADMIN") },
    data: { label: params.label },
  });
  if (count === 0) throw notFound("Asset");
}
