import { db } from "@/lib/db/client";

/**
 * True for the asset's first completed scan: everything it finds is "new", which is a baseline,
 * not news. Alerts use it to stay quiet about the first scan.
 */
export async function isBaselineScan(
  organizationId: string,
  input: { assetId: string; scanRunId: string },
): Promise<boolean> {
  const run = await db.scanRun.findFirst({
    where: { id: input.scanRunId, organizationId, assetId: input.assetId },
    select: { createdAt: true },
  });
  if (!run) return false;
  const earlier = await db.scanRun.count({
    where: {
      organizationId,
      assetId: input.assetId,
      status: "COMPLETED",
      id: { not: input.scanRunId },
      createdAt: { lt: run.createdAt },
    },
  });
  return earlier === 0;
}
