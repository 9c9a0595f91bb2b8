import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import {
  organizationsWithPurgeableAssets,
  purgeCutoff,
  purgeDeletedAssets,
} from "@/lib/monitoring/purge-deleted-assets";

/** Daily: assets soft-deleted more than 30 days ago are removed with their history, one organisation per step. */
export const purgeDeletedAssetsDaily = inngest.createFunction(
  {
    id: "purge-deleted-assets",
    name: "Purge deleted assets",
    triggers: [cron("30 3 * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => {
    const cutoff = await step.run("purge-cutoff", () => purgeCutoff(new Date()).toISOString());
    const organizationIds = await step.run("find-organisations-to-purge", () =>
      organizationsWithPurgeableAssets(new Date(cutoff)),
    );
    let purged = 0;
    for (const organizationId of organizationIds) {
      purged += await step.run(`purge-organisation-${organizationId}`, () =>
        purgeDeletedAssets(organizationId, new Date(cutoff)),
      );
    }
    return { purged, organisations: organizationIds.length };
  },
);
