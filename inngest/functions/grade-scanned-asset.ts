import { inngest } from "@/inngest/client";
import { assetGraded, scanCompleted } from "@/inngest/events";
import { gradeAssetExposure } from "@/lib/grade-snapshots/grade-asset-exposure";
import { orgGradeChangedEvent } from "@/lib/grade-snapshots/org-grade-changed-event";
import { regradeOrganization } from "@/lib/grade-snapshots/regrade-organization";

/**
 * After a completed scan: grade the asset from its open intervals, then the organisation, and
 * announce `org/grade.changed` when the organisation's letter or score moved.
 */
export const gradeScannedAsset = inngest.createFunction(
  {
    id: "grade-asset",
    name: "Grade an asset and its organisation",
    triggers: [scanCompleted],
    // Organisation grades are computed one at a time per organisation (the DB row lock backs this up).
    concurrency: [{ key: "event.data.organizationId", limit: 1 }],
    retries: 5,
  },
  async ({ event, step }) => {
    const { organizationId, assetId, scanRunId } = event.data;

    const asset = await step.run(`grade-asset-${assetId}`, () =>
      gradeAssetExposure(organizationId, { assetId, scanRunId, asOf: new Date() }),
    );
    if (!asset) return { state: "skipped" as const, reason: "The asset was deleted." };

    const org = await step.run(`grade-organisation-${organizationId}`, () =>
      regradeOrganization(organizationId, { cause: `scan:${scanRunId}`, scanRunId, asOf: new Date() }),
    );
    if (org?.changed) {
      await step.sendEvent(
        `announce-org-grade-${organizationId}`,
        orgGradeChangedEvent(organizationId, `scan:${scanRunId}`, org),
      );
    }
    // Alerts read the stored grades and per-port severities: announced once both are written.
    await step.sendEvent(
      `announce-asset-graded-${scanRunId}`,
      assetGraded.create(
        { organizationId, assetId, scanRunId, snapshotId: asset.snapshotId },
        { id: `asset-graded-${scanRunId}` },
      ),
    );
    return { state: "graded" as const, asset, organisation: org };
  },
);
