import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { recheckVerifications } from "@/lib/asset-verification/recheck-verifications";

/**
 * Weekly (Mondays 04:15 UTC): verified assets whose proof was last checked a week ago are checked again;
 * one whose TXT record or file is gone loses its verified status. In steps of 100, each idempotent
 * (an asset checked in an earlier step is no longer due).
 */
export const recheckAssetVerification = inngest.createFunction(
  {
    id: "recheck-asset-verification",
    name: "Re-check proof of asset ownership",
    triggers: [cron("15 4 * * 1")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => {
    let kept = 0;
    let lost = 0;
    for (let batch = 0; batch < 50; batch++) {
      const result = await step.run(`recheck-batch-${batch}`, () => recheckVerifications({ limit: 100 }));
      kept += result.kept;
      lost += result.lost;
      if (result.kept + result.lost < 100) break;
    }
    return { kept, lost };
  },
);
