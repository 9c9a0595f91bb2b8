import { db } from "@/lib/db/client";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

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

/** The asset's hosts with their open port counts (one grouped statement). */
export async function listAssetHosts(ctx: OrgScope, asset: { id: string; value: string }): Promise<AssetHost[]> {
  const [hosts, counts] = await Promise.all([
    db.host.findMany({
      where: { assetId: asset.id, ...inOrganization(ctx, "assets:read") },
      orderBy: [{ discovered: "asc" }, { hostname: "asc" }, { ip: "asc" }],
    }),
    db.portInterval.groupBy({
      by: ["hostId"],
      where: { assetId: asset.id, closedAt: null, ...inOrganization(ctx, "assets:read") },
      _count: { _all: true },
    }),
  ]);
  const open = new Map(counts.map((c) => [c.hostId, c._count._all]));
  return hosts.map((h) => ({
    id: h.id,
    ip: h.ip,
    hostname: h.hostname,
    source: hostSource(asset.value, h.hostname, h.discovered),
    catchAll: h.catchAll,
    firstSeenAt: h.firstSeenAt,
    lastSeenAt: h.lastSeenAt,
    openPorts: open.get(h.id) ?? 0,
  }));
}
