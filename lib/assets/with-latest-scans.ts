import { db } from "@/lib/db/client";
import type { ScanStatus } from "@/lib/generated/prisma/enums";
import type { AssetRow } from "./asset-row";

type LatestScan = NonNullable<AssetRow["latestScan"]>;

/**
 * Adds each listed asset's most recent scan run, in one query that reads one run per asset (the
 * (assetId, createdAt) index, newest first): Prisma's nested `take: 1` over many assets would read every
 * run of every listed asset, a year of daily scans each, and keep one. `assets` were read scoped by the
 * organisation; the runs are scoped by it again.
 */
export async function withLatestScans(
  organizationId: string,
  assets: Omit<AssetRow, "latestScan">[],
): Promise<AssetRow[]> {
  if (assets.length === 0) return [];
  const runs = await db.$queryRaw<(LatestScan & { assetId: string })[]>`
    SELECT listed."id" AS "assetId", run."id", run."status"::text AS "status", run."hostsDone", run."hostsTotal",
      run."portsFound", run."error"
    FROM unnest(${assets.map((a) => a.id)}::text[]) AS listed("id")
    CROSS JOIN LATERAL (
      SELECT r."id", r."status", r."hostsDone", r."hostsTotal", r."portsFound", r."error"
      FROM "ScanRun" AS r
      WHERE r."assetId" = listed."id" AND r."organizationId" = ${organizationId}
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT 1
    ) AS run`;
  const latest = new Map(
    runs.map(({ assetId, ...run }) => [assetId, { ...run, status: run.status as ScanStatus }] as const),
  );
  return assets.map((asset) => ({ ...asset, latestScan: latest.get(asset.id) ?? null }));
}
