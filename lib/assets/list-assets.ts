import { db } from "@/lib/db/client";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import type { Cursor } from "@/lib/validation/pagination";
import { ASSET_ROW_SELECT, type AssetRow } from "./asset-row";
import { withLatestScans } from "./with-latest-scans";

/**
 * The organisation's monitored assets (not deleted), newest first; any member may list them. The API
 * reads them a page at a time (`after` the cursor of the last row it returned) or one by id.
 */
export async function listAssets(
  ctx: OrgContext<"assets:read">,
  options: { assetId?: string; after?: Cursor; limit?: number } = {},
): Promise<AssetRow[]> {
  const { after } = options;
  const rows = await db.asset.findMany({
    where: {
      deletedAt: null,
      ...inOrganization(ctx, "assets:read"),
      ...(options.assetId !== undefined ? { id: options.assetId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    select: ASSET_ROW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(options.limit !== undefined ? { take: options.limit } : {}),
  });
  return withLatestScans(ctx.organizationId, rows);
}
