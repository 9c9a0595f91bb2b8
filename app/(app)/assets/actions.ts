"use server";

import { orgAction } from "@/lib/actions/action";
import { assertEmailVerified } from "@/lib/auth/assert-email-verified";
import { addAsset } from "@/lib/assets/add-asset";
import { labelAsset } from "@/lib/assets/label-asset";
import { softDeleteAsset } from "@/lib/assets/soft-delete-asset";
import { startScan } from "@/lib/scan-runs/start-scan";
import { addAssetSchema, deleteAssetSchema, labelAssetSchema, scanAssetSchema } from "@/lib/validation/asset";

export const addAssetAction = orgAction(
  { schema: addAssetSchema, role: "ADMIN", requireActivePlan: true },
  async (input, ctx) => {
    assertEmailVerified(ctx.user);
    const { id, restored } = await addAsset({
      organizationId: ctx.organizationId,
      userId: ctx.userId,
      target: input.value,
      ...(input.label !== undefined ? { label: input.label } : {}),
    });
    const value = input.value.value;
    const added = restored ? `${value} is monitored again; its earlier history was kept.` : `${value} is now monitored.`;
    // The first scan starts at once; if the queue is unreachable, the monitor picks the asset up on its next tick.
    const firstScan = await startScan(ctx.organizationId, { assetId: id, trigger: "MANUAL", requestedById: ctx.userId }).then(
      () => " Its first scan has started.",
      () => " Its first scan will start within 15 minutes.",
    );
    return { success: added + firstScan, data: { id } };
  },
);

export const labelAssetAction = orgAction({ schema: labelAssetSchema, role: "ADMIN" }, async (input, ctx) => {
  await labelAsset({ organizationId: ctx.organizationId, userId: ctx.userId, assetId: input.assetId, label: input.label });
  return { success: input.label ? "Label saved." : "Label removed." };
});

export const deleteAssetAction = orgAction({ schema: deleteAssetSchema, role: "ADMIN" }, async (input, ctx) => {
  const { pipelineNotified } = await softDeleteAsset(ctx.organizationId, input.assetId, ctx.userId);
  const note = pipelineNotified ? "" : " A scan that was already running may still finish.";
  return { success: `Asset deleted. Its history is kept for 30 days; adding it again restores it.${note}` };
});

export const scanAssetAction = orgAction(
  { schema: scanAssetSchema, role: "ADMIN", requireActivePlan: true },
  async (input, ctx) => {
    assertEmailVerified(ctx.user);
    const run = await startScan(ctx.organizationId, { assetId: input.assetId, trigger: "MANUAL", requestedById: ctx.userId });
    return { success: run.status === "RUNNING" ? "A scan of this asset is already running." : "Scan started.", data: { scanRunId: run.id } };
  },
);
