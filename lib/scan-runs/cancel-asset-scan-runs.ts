import { db } from "@/lib/db/client";

/** Marks every QUEUED or RUNNING scan of the asset CANCELLED (the asset was deleted). Returns how many. */
export async function cancelAssetScanRuns(
  organizationId: string,
  input: { assetId: string; reason: string; now: Date },
): Promise<number> {
  const { count } = await db.scanRun.updateMany({
    where: { organizationId, assetId: input.assetId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", error: input.reason, finishedAt: input.now },
  });
  return count;
}
