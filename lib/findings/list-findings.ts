import { db } from "@/lib/db/client";
import type { FindingsFilter, FindingsQuery } from "@/lib/validation/findings";
import type { FindingRow } from "./finding-row";
import { FINDING_COLUMNS, FINDING_FROM, findingsOrderBy, findingsWhere } from "./findings-sql";
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

/** How many open ports match the filter (for the pager and the export's size). */
export async function countFindings(ctx: FindingsContext, filter: FindingsFilter): Promise<number> {
  const [row] = await db.$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS "count" ${FINDING_FROM} ${findingsWhere(ctx, filter)}`;
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
