import { db } from "@/lib/db/client";
import type { ResolvedAddress } from "@/lib/scanner";
import { ScanDataNotFoundError } from "./scan-data-not-found-error";

export interface ScanHost {
  hostId: string;
  ip: string;
  family: 4 | 6;
  hostname: string;
  discovered: boolean;
}

/**
 * Upserts a Host row for each address the asset resolved to and records how many hosts the run
 * will scan. Safe to repeat: hosts are unique per (asset, IP).
 */
export async function recordResolvedHosts(
  organizationId: string,
  input: { scanRunId: string; assetId: string; addresses: readonly ResolvedAddress[]; now: Date },
): Promise<ScanHost[]> {
  const asset = await db.asset.findFirst({ where: { id: input.assetId, organizationId }, select: { id: true } });
  if (!asset) throw new ScanDataNotFoundError(`Asset ${input.assetId} was not found in this organisation`);

  return db.$transaction(async (tx) => {
    const hosts: ScanHost[] = [];
    for (const address of input.addresses) {
      const host = await tx.host.upsert({
        where: { assetId_ip: { assetId: asset.id, ip: address.ip } },
        create: {
          organizationId,
          assetId: asset.id,
          ip: address.ip,
          hostname: address.hostname,
          discovered: address.discovered,
          firstSeenAt: input.now,
          lastSeenAt: input.now,
        },
        update: { hostname: address.hostname, discovered: address.discovered },
        select: { id: true, organizationId: true },
      });
      if (host.organizationId !== organizationId)
        throw new ScanDataNotFoundError(`Host ${address.ip} belongs to another organisation`);
      hosts.push({
        hostId: host.id,
        ip: address.ip,
        family: address.family,
        hostname: address.hostname,
        discovered: address.discovered,
      });
    }
    await tx.scanRun.updateMany({ where: { id: input.scanRunId, organizationId }, data: { hostsTotal: hosts.length } });
    return hosts;
  });
}
