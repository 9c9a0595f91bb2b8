import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";

/** Sets or clears an asset's label. Another organisation's asset is "not found". */
export async function labelAsset(
  ctx: OrgContext<"assets:write">,
  params: { assetId: string; label: string | null },
): Promise<void> {
  const { count } = await db.asset.updateMany({
    where: { id: params.assetId, deletedAt: null, ...inOrganization(ctx, "assets:write") },
    data: { label: params.label },
  });
  if (count === 0) throw notFound("Asset");
}
