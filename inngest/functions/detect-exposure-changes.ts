import { inngest } from "@/inngest/client";
import { exposureChanged, scanCompleted } from "@/inngest/events";
import { isBaselineScan } from "@/lib/scan-runs/is-baseline-scan";
import { listScanExposureChanges } from "@/lib/scan-runs/list-scan-exposure-changes";

/** Events per sendEvent step: keeps each step's payload small on a first scan with many ports. */
const BATCH = 100;

/**
 * Turns the openings, closings and service changes a completed scan stored (ExposureChange rows,
 * written with the observations) into `asset/exposure.changed` events for alerts.
 */
export const detectExposureChanges = inngest.createFunction(
  { id: "detect-exposure-changes", name: "Announce exposure changes", triggers: [scanCompleted], retries: 5 },
  async ({ event, step }) => {
    const { organizationId, assetId, scanRunId } = event.data;
    const { changes, baseline } = await step.run(`load-exposure-changes-${scanRunId}`, async () => ({
      changes: await listScanExposureChanges(organizationId, scanRunId),
      baseline: await isBaselineScan(organizationId, { assetId, scanRunId }),
    }));
    for (let start = 0; start < changes.length; start += BATCH) {
      const batch = changes.slice(start, start + BATCH);
      await step.sendEvent(
        `announce-exposure-changes-${scanRunId}-${start / BATCH}`,
        batch.map((change) =>
          exposureChanged.create(
            {
              organizationId,
              assetId: change.assetId,
              scanRunId,
              exposureChangeId: change.id,
              kind: change.kind,
              ip: change.ip,
              port: change.port,
              protocol: change.protocol,
              before: change.before,
              after: change.after,
              detectedAt: change.detectedAt,
              baseline,
            },
            // The row id makes a resent event a duplicate Inngest drops.
            { id: `exposure-${change.id}` },
          ),
        ),
      );
    }
    return { announced: changes.length, baseline };
  },
);
