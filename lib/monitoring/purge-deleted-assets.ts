import { db } from "@/lib/db/client";

/** Soft-deleted assets keep their history this long, then are removed for good. */
export const DELETED_ASSET_RETENTION_DAYS = 30;

export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - DELETED_ASSET_RETENTION_DAYS * 24 * 60 * 60 * 1000);
}

/** System-wide look-up for the daily purge: organisations holding assets deleted before the cutoff. */
export async function organizationsWithPurgeableAssets(cutoff: Date): Promise<string[]> {
  const rows = await db.asset.findMany({
    where: { deletedAt: { lt: cutoff } },
    distinct: ["organizationId"],
    select: { organizationId: true },
    orderBy: { organizationId: "asc" },
  });
  return rows.map((r) => r.organizationId);
}

/** Hard-deletes the organisation's assets soft-deleted before the cutoff; their scans, hosts, intervals and grades cascade. */
export async function purgeDeletedAssets(organizationId: string, cutoff: Date): Promise<number> {
  const { count } = await db.asset.deleteMany({ where: { organizationId, deletedAt: { lt: cutoff } } });
  return count;
}
