import { inngest } from "@/inngest/client";
import { assetDeleted } from "@/inngest/events";

/** Tells the pipeline an asset is gone: running scans are cancelled and the organisation regraded. */
export async function notifyAssetDeleted(data: { organizationId: string; assetId: string }): Promise<void> {
  await inngest.send(assetDeleted.create(data));
}
