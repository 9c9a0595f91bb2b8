import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { observedServiceOfInterval } from "./observed-port-of-interval";

/**
 * Hosts of the asset that the latest resolution no longer returned (the DNS now points elsewhere):
 * their open ports stop being this asset's exposure, so their intervals close and each closing is
 * recorded as PORT_CLOSED. Safe to repeat: already-closed intervals are not touched again.
 */
export async function retireUnresolvedHosts(
  organizationId: string,
  input: { scanRunId: string; assetId: string; resolvedHostIds: readonly string[]; now: Date },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const stale = await tx.portInterval.findMany({
      where: { organizationId, assetId: input.assetId, closedAt: null, hostId: { notIn: [...input.resolvedHostIds] } },
      include: { host: { select: { ip: true } } },
    });
    if (stale.length === 0) return 0;
    await tx.portInterval.updateMany({
      where: { organizationId, id: { in: stale.map((i) => i.id) }, closedAt: null },
      data: { closedAt: input.now, closedByScanRunId: input.scanRunId },
    });
    await tx.exposureChange.createMany({
      data: stale.map((interval) => ({
        organizationId,
        assetId: input.assetId,
        scanRunId: input.scanRunId,
        hostIp: interval.host.ip,
        port: interval.port,
        protocol: interval.protocol,
        kind: "PORT_CLOSED" as const,
        before: observedServiceOfInterval(interval) as unknown as Prisma.InputJsonValue,
        after: Prisma.DbNull,
        createdAt: input.now,
      })),
      skipDuplicates: true,
    });
    return stale.length;
  });
}
