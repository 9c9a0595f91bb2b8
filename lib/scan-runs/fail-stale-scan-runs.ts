import { db } from "@/lib/db/client";

/** A run queued this long never got picked up (its job was lost). */
export const QUEUED_TIMEOUT_MS = 60 * 60 * 1000;
/** A run running this long has lost its job (the function itself times out well before). */
export const RUNNING_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/**
 * System-wide sweep run by the monitor: runs whose job was lost would otherwise show as in progress
 * forever and keep their asset out of scheduling. Each becomes FAILED with the reason.
 */
export async function failStaleScanRuns(now: Date): Promise<number> {
  const queued = await db.scanRun.updateMany({
    where: { status: "QUEUED", createdAt: { lt: new Date(now.getTime() - QUEUED_TIMEOUT_MS) } },
    data: {
      status: "FAILED",
      finishedAt: now,
      error: "The scan was queued but never started. It will be retried at the next scheduled time.",
    },
  });
  const running = await db.scanRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - RUNNING_TIMEOUT_MS) } },
    data: { status: "FAILED", finishedAt: now, error: "The scan stopped responding and was abandoned." },
  });
  return queued.count + running.count;
}
