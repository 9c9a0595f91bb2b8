import { inngest } from "@/inngest/client";
import { scanRequested } from "@/inngest/events";
import { db } from "@/lib/db/client";
import type { ScanRun, ScanTrigger } from "@/lib/generated/prisma/client";
import { createScanRun } from "./create-scan-run";
import { failScanRun } from "./fail-scan-run";
import { assertMayScanNow } from "./scan-quota";
import { assertNotSampleData } from "./sample-data";

export class ScanNotQueuedError extends Error {
  constructor(
    readonly scanRunId: string,
    cause: unknown,
  ) {
    super("The scan could not be queued. Please try again in a moment.", { cause });
    this.name = "ScanNotQueuedError";
  }
}

/**
 * "Scan now" (also used for an asset's first scan): creates a QUEUED run, and only once it is committed
 * sends `asset/scan.requested`. An asset that already has a queued or running scan gets that one back
 * instead of a second. An organisation of generated sample data (seed:demo) is never scanned. If the
 * event cannot be sent, the run is marked FAILED (never left queued forever) and ScanNotQueuedError is thrown.
 */
export async function requestScan(
  organizationId: string,
  input: { assetId: string; trigger: ScanTrigger; requestedById?: string | null },
  options: { enforceQuota?: boolean } = {},
): Promise<ScanRun> {
  const inProgress = await db.scanRun.findFirst({
    where: {
      organizationId,
      assetId: input.assetId,
      status: { in: ["QUEUED", "RUNNING"] },
      asset: { deletedAt: null },
    },
    orderBy: { createdAt: "desc" },
  });
  if (inProgress) return inProgress;
  await assertNotSampleData(organizationId);
  // People (UI, API) are held to the cooldown and the plan's scan quotas; the scheduler has its own budget.
  if (options.enforceQuota) await assertMayScanNow(organizationId, input.assetId);

  const run = await createScanRun(organizationId, input);
  try {
    await inngest.send(
      scanRequested.create(
        {
          organizationId,
          assetId: run.assetId,
          scanRunId: run.id,
          trigger: run.trigger,
          requestedById: run.requestedById,
        },
        // Derived from the run: a resend of the same request is dropped as a duplicate.
        { id: `scan-requested-${run.id}` },
      ),
    );
  } catch (error) {
    await failScanRun(organizationId, { scanRunId: run.id, error: "The scan could not be queued.", now: new Date() });
    throw new ScanNotQueuedError(run.id, error);
  }
  return run;
}
