import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { notifyAssetDeleted } from "./notify-asset-deleted";

/**
 * Hides the asset at once and keeps its history (purged after 30 days by the pipeline). Running scans
 * are cancelled by the `asset/deleted` event, sent only after the delete has committed. The delete
 * stands even if the event cannot be sent (new scans skip deleted assets); the caller learns it via
 * `pipelineNotified` so it does not claim a running scan was stopped.
 */
export async function softDeleteAsset(
  ctx: OrgContext<"assets:write">,
  assetId: string,
  now = new Date(),
): Promise<{ pipelineNotified: boolean }> {
  const { organizationId } = ctx;
  const { count } = await db.$transaction(async (tx) => {
    const deleted = await tx.asset.updateMany({
      where: { id: assetId, deletedAt: null, ...inOrganization(ctx, "assets:write") },
      data: { deletedAt: now, nextScanAt: null },
    });
    if (deleted.count === 1) {
      const asset = await tx.asset.findFirst({ where: { id: assetId, organizationId }, select: { value: true } });
      await recordAuditEvent(
        {
          action: "asset.deleted",
          organizationId,
          actorUserId: ctx.userId,
          target: `asset:${assetId}`,
          details: { value: asset?.value ?? null },
          now,
        },
        tx,
      );
    }
    return deleted;
  });
  if (count === 0) throw notFound("Asset");
  try {
    await notifyAssetDeleted({ organizationId, assetId });
    return { pipelineNotified: true };
  } catch (error) {
    console.error("[portwatch] asset/deleted event not sent", { organizationId, assetId, error });
    return { pipelineNotified: false };
  }
}
