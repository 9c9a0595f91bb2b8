import { db } from "@/lib/db/client";
import type { FindingsFilter, FindingsQuery } from "@/lib/validation/findings";
import type { FindingRow } from "./finding-row";
import { FINDING_COLUMNS, FINDING_FROM, findingsCountFrom, findingsOrderBy, findingsWhere } from "./findings-sql";
import { inOrganization } from "@/lib/authz/org-context";
import type { FindingsContext } from "./org-scope";

/** One page of the organisation's open ports under the filter and sort: one query, joins in SQL. */
export async function listFindings(ctx: FindingsContext, query: FindingsQuery): Promise<FindingRow[]> {
  const offset = (query.page - 1) * query.pageSize;
  return db.$queryRaw<FindingRow[]>`
    SELECT ${FINDING_COLUMNS} ${FINDING_FROM} ${findingsWhere(ctx, query)}
    ${findingsOrderBy(query.sort, query.dir)}
    LIMIT ${query.pageSize} OFFSET ${offset}`;
}

/**
 * How many open ports match the filter (for the pager). With `upTo`, counting stops after upTo + 1
 * matches: a result above `upTo` means "more than upTo". An exact count of a 200,000-port organisation
 * walks every open port on every page view (0.5 s); the pager only needs to know whether there is more.
 */
export async function countFindings(
  ctx: FindingsContext,
  filter: FindingsFilter,
  options: { upTo?: number } = {},
): Promise<number> {
  const limit = options.upTo === undefined ? null : options.upTo + 1;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (SELECT 1 ${findingsCountFrom(filter)} ${findingsWhere(ctx, filter)} LIMIT ${limit}::bigint) AS matches`;
  return row?.count ?? 0;
}

/** The asset named by the `asset` filter, for its chip; null when it is not a live asset of this organisation. */
export async function findFindingsAsset(
  ctx: FindingsContext,
  assetId: string,
): Promise<{ id: string; value: string; label: string | null } | null> {
  return db.asset.findFirst({
    where: { id: assetId, deletedAt: null, ...inOrganization(ctx, "findings:read") },
    select: { id: true, value: true, label: true },
  });
}
