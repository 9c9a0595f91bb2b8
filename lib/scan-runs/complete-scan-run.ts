import { db } from "@/lib/db/client";

/** RUNNING → COMPLETED, and the asset's lastScanAt. Returns false when the run was no longer running (cancelled). */
export async function completeScanRun(
  organizationId: string,
  input: { scanRunId: string; now: Date },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const run = await tx.scanRun.findFirst({
      where: { id: input.scanRunId, organizationId },
      select: { status: true, assetId: true },
    });
    if (!run) return false;
    if (run.status === "COMPLETED") return true; // a retried step
    if (run.status !== "RUNNING") return false;
    await tx.scanRun.updateMany({
      where: { id: input.scanRunId, organizationId, status: "RUNNING" },
      data: { status: "COMPLETED", finishedAt: input.now, error: null },
    });
    await tx.asset.updateMany({ where: { id: run.assetId, organizationId }, data: { lastScanAt: input.now } });
    return true;
  });
}
