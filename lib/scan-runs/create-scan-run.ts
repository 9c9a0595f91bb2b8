import { db } from "@/lib/db/client";
import type { ScanRun, ScanTrigger } from "@/lib/generated/prisma/client";
import { configuredPortSpec } from "./scanner-config";
import { ScanDataNotFoundError } from "./scan-data-not-found-error";

export interface NewScanRun {
  assetId: string;
  trigger: ScanTrigger;
  requestedById?: string | null;
  portSpec?: string;
}

/**
 * A QUEUED scan run for a live asset of the organisation, created before the `asset/scan.requested`
 * event is sent so the interface can show it at once. The event carries its id.
 */
export async function createScanRun(organizationId: string, input: NewScanRun): Promise<ScanRun> {
  const asset = await db.asset.findFirst({
    where: { id: input.assetId, organizationId, deletedAt: null },
    select: { id: true },
  });
  if (!asset) throw new ScanDataNotFoundError(`Asset ${input.assetId} was not found in this organisation`);
  return db.scanRun.create({
    data: {
      organizationId,
      assetId: asset.id,
      trigger: input.trigger,
      requestedById: input.requestedById ?? null,
      portSpec: input.portSpec ?? configuredPortSpec(),
    },
  });
}
