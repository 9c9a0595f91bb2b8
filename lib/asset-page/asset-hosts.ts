import { db } from "@/lib/db/client";
import { memberCheck, type OrgScope } from "@/lib/dashboard/org-scope";

export type HostSource = "target" | "www" | "mx";

export interface AssetHost {
  id: string;
  ip: string;
  hostname: string;
  /** How the address was found: the asset itself, its www. host, or one of its MX hosts. */
  source: HostSource;
  catchAll: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
  openPorts: number;
}

export function hostSource(assetValue: string, hostname: string, discovered: boolean): HostSource {
  if (!discovered) return "target";
  return hostname === `www.${assetValue}` ? "www" : "mx";
}

/** The asset's hosts with their open port counts (one statement, counted on the open-ports index). */
export async function listAssetHosts(ctx: OrgScope, asset: { id: string; value: string }): Promise<AssetHost[]> {
  const hosts = await db.$queryRaw<(Omit<AssetHost, "source"> & { discovered: boolean })[]>`
    SELECT h."id", h."ip", h."hostname", h."discovered", h."catchAll", h."firstSeenAt", h."lastSeenAt",
      (SELECT count(*)::int FROM "PortInterval" AS p WHERE p."hostId" = h."id" AND p."closedAt" IS NULL) AS "openPorts"
    FROM "Host" AS h
    WHERE h."assetId" = ${asset.id} AND h."organizationId" = ${ctx.organizationId} AND ${memberCheck(ctx)}
    ORDER BY h."discovered" ASC, h."hostname" ASC, h."ip" ASC`;
  return hosts.map(({ discovered, ...h }) => ({ ...h, source: hostSource(asset.value, h.hostname, discovered) }));
}
