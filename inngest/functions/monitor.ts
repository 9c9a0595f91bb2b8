import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scanRequested } from "@/inngest/events";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import { MONITOR_CAPS } from "@/lib/monitoring/monitor-caps";
import { failStaleScanRuns } from "@/lib/scan-runs/fail-stale-scan-runs";

/**
 * Continuous monitoring: every 15 minutes, queue a scheduled scan for each asset that is due
 * (cadence per plan: lib/scan-runs/scan-cadence.ts), fairly across organisations and within caps.
 */
export const monitor = inngest.createFunction(
  {
    id: "monitor",
    name: "Schedule due scans",
    triggers: [cron("*/15 * * * *")],
    // One tick at a time: two overlapping ticks would pick the same assets.
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step, runId }) => {
    const stale = await step.run("fail-stale-scan-runs", () => failStaleScanRuns(new Date()));
    const due = await step.run("claim-due-assets", () =>
      claimDueAssets({
        now: new Date(),
        tickId: runId,
        perOrganizationCap: MONITOR_CAPS.perOrganization,
        globalCap: MONITOR_CAPS.global,
      }),
    );
    if (due.length > 0) {
      await step.sendEvent(
        "enqueue-scheduled-scans",
        due.map((scan) =>
          scanRequested.create(
            {
              organizationId: scan.organizationId,
              assetId: scan.assetId,
              scanRunId: scan.scanRunId,
              trigger: "SCHEDULED",
            },
            { id: `scan-requested-${scan.scanRunId}` },
          ),
        ),
      );
    }
    return { queued: due.length, staleFailed: stale };
  },
);
