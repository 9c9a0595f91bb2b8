"use server";

import { orgAction } from "@/lib/actions/action";
import { can } from "@/lib/authz/org-context";
import { assertEmailVerified } from "@/lib/auth/assert-email-verified";
import { addAsset } from "@/lib/assets/add-asset";
import { labelAsset } from "@/lib/assets/label-asset";
import { softDeleteAsset } from "@/lib/assets/soft-delete-asset";
import { startScan } from "@/lib/scan-runs/start-scan";
import { verifyAsset } from "@/lib/asset-verification/verify-asset";
import { requestIp } from "@/lib/audit/request-ip";
import { AppError } from "@/lib/errors";
import {
  addAssetSchema,
  deleteAssetSchema,
  labelAssetSchema,
  scanAssetSchema,
  verifyAssetSchema,
} from "@/lib/validation/asset";

const METHOD_NAMES = {
  "dns-txt": "its DNS TXT record",
  "http-file": "its verification file",
  "verified-domain": "one of your verified domains",
} as const;

export const addAssetAction = orgAction(
  { schema: addAssetSchema, capability: "assets:write", requireActivePlan: true },
  async (input, ctx) => {
    assertEmailVerified(ctx.user);
    const { id, restored } = await addAsset(ctx, {
      target: input.value,
      ...(input.label !== undefined ? { label: input.label } : {}),
      actorEmail: ctx.user.email,
      ip: await requestIp(),
    });
    const value = input.value.value;
    const added = restored
      ? `${value} is monitored again; its earlier history was kept.`
      : `${value} is now monitored.`;
    // The first scan starts at once; if the queue is unreachable (or the role may not start scans), the
    // monitor picks the asset up on its next tick.
    const later = " Its first scan will start within 15 minutes.";
    const firstScan = can(ctx, "scans:start")
      ? await startScan(ctx, id).then(
          () => " Its first scan has started.",
          () => later,
        )
      : later;
    return { success: added + firstScan, data: { id } };
  },
);

export const labelAssetAction = orgAction(
  { schema: labelAssetSchema, capability: "assets:write" },
  async (input, ctx) => {
    await labelAsset(ctx, { assetId: input.assetId, label: input.label });
    return { success: input.label ? "Label saved." : "Label removed." };
  },
);

export const deleteAssetAction = orgAction(
  { schema: deleteAssetSchema, capability: "assets:write" },
  async (input, ctx) => {
    const { pipelineNotified } = await softDeleteAsset(ctx, input.assetId);
    const note = pipelineNotified ? "" : " A scan that was already running may still finish.";
    return { success: `Asset deleted. Its history is kept for 30 days; adding it again restores it.${note}` };
  },
);

export const scanAssetAction = orgAction(
  { schema: scanAssetSchema, capability: "scans:start", requireActivePlan: true },
  async (input, ctx) => {
    assertEmailVerified(ctx.user);
    const run = await startScan(ctx, input.assetId);
    return {
      success: run.status === "RUNNING" ? "A scan of this asset is already running." : "Scan started.",
      data: { scanRunId: run.id },
    };
  },
);

/** "Verify now": checks the asset's proof of ownership at once (the weekly re-check keeps it current). */
export const verifyAssetAction = orgAction(
  { schema: verifyAssetSchema, capability: "assets:write" },
  async (input, ctx) => {
    assertEmailVerified(ctx.user);
    const outcome = await verifyAsset(ctx, input.assetId, { email: ctx.user.email, ip: await requestIp() });
    if (!outcome.verified) throw new AppError("invalid_input", `Not verified yet. ${outcome.reason}`);
    return {
      success: `Ownership verified through ${METHOD_NAMES[outcome.method]}. Every port and the UDP probes are scanned from now on.`,
    };
  },
);
