import { inngest } from "@/inngest/client";
import { assetDeleted } from "@/inngest/events";
import { orgGradeChangedEvent } from "@/lib/grade-snapshots/org-grade-changed-event";
import { regradeOrganization } from "@/lib/grade-snapshots/regrade-organization";
import { cancelAssetScanRuns } from "@/lib/scan-runs/cancel-asset-scan-runs";

/**
 * An asset was deleted. `scan-asset` jobs of the asset stop through their cancelOn; this marks their
 * runs CANCELLED and regrades the organisation without the asset.
 */
export const onAssetDeleted = inngest.createFunction(
  {
    id: "asset-deleted",
    name: "Cancel scans and regrade after an asset is deleted",
    triggers: [assetDeleted],
    concurrency: [{ key: "event.data.organizationId", limit: 1 }],
    retries: 5,
  },
  async ({ event, step }) => {
    const { organizationId, assetId } = event.data;
    const cancelled = await step.run(`cancel-scans-${assetId}`, () =>
      cancelAssetScanRuns(organizationId, { assetId, reason: "The asset was deleted.", now: new Date() }),
    );
    const cause = `asset-deleted:${assetId}`;
    const org = await step.run(`grade-organisation-${organizationId}`, () =>
      regradeOrganization(organizationId, { cause, asOf: new Date() }),
    );
    if (org?.changed) {
      await step.sendEvent(`announce-org-grade-${organizationId}`, orgGradeChangedEvent(organizationId, cause, org));
    }
    return { cancelled, organisation: org };
  },
);
