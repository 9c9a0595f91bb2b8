import { db } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/like-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import type { AssetListQuery, AssetSort, AssetStatus } from "@/lib/validation/asset-list";
import { ASSET_ROW_SELECT, type AssetRow } from "./asset-row";
import { withLatestScans } from "./with-latest-scans";

export interface AssetPage {
  /** The rows of the page shown. */
  assets: AssetRow[];
  /** How many assets match the search and filter (the pager's total). */
  matching: number;
  /** All the organisation's live assets, whatever the search (the plan usage line). */
  total: number;
  /** The page shown: the one asked for, or the last one when the link asked beyond the end. */
  page: number;
}

const STATUS_WHERE: Record<AssetStatus, Prisma.AssetWhereInput> = {
  graded: { grade: { not: null } },
  ungraded: { grade: null },
  verified: { verifiedAt: { not: null } },
  unverified: { verifiedAt: null },
};

/**
 * Each order ends on a unique key (the value is unique per organisation, the id everywhere), so pages never
 * overlap. "grade" is worst first (lowest score; not graded yet last), the order of the live-assets score
 * index (prisma/schema.prisma, Asset_live_by_score_idx); "lastScan" is most recently scanned first.
 */
const ORDER_BY: Record<AssetSort, Prisma.AssetOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  grade: [{ score: { sort: "asc", nulls: "last" } }, { value: "asc" }],
  name: [{ value: "asc" }],
  lastScan: [{ lastScanAt: { sort: "desc", nulls: "last" } }, { value: "asc" }],
};

/** Case-insensitive substring of the domain or IP address, the label, or an address the asset resolved to. */
function searchWhere(q: string): Prisma.AssetWhereInput {
  const contains = { contains: escapeLike(q), mode: "insensitive" as const };
  return { OR: [{ value: contains }, { label: contains }, { hosts: { some: { ip: contains } } }] };
}

/**
 * One page of the organisation's live assets for the /assets page: searched, filtered and sorted in SQL,
 * scoped by the organisation and the member's right to read assets in the `where`. The REST API pages with
 * cursors through listAssets instead.
 */
export async function listAssetPage(ctx: OrgContext<"assets:read">, query: AssetListQuery): Promise<AssetPage> {
  const live: Prisma.AssetWhereInput = { deletedAt: null, ...inOrganization(ctx, "assets:read") };
  const filters = [
    ...(query.q !== undefined ? [searchWhere(query.q)] : []),
    ...(query.status !== undefined ? [STATUS_WHERE[query.status]] : []),
  ];
  const where: Prisma.AssetWhereInput = filters.length > 0 ? { ...live, AND: filters } : live;
  const read = (page: number) =>
    db.asset.findMany({
      where,
      select: ASSET_ROW_SELECT,
      orderBy: ORDER_BY[query.sort],
      skip: (page - 1) * query.pageSize,
      take: query.pageSize,
    });

  const [rows, matching, total] = await Promise.all([
    read(query.page),
    db.asset.count({ where }),
    filters.length > 0 ? db.asset.count({ where: live }) : null,
  ]);
  // A link past the end (the last assets of its page were deleted since): show the last page instead.
  const lastPage = Math.max(1, Math.ceil(matching / query.pageSize));
  const page = rows.length === 0 && query.page > lastPage ? lastPage : query.page;
  const assets = page === query.page ? rows : await read(page);
  return { assets: await withLatestScans(ctx.organizationId, assets), matching, total: total ?? matching, page };
}
