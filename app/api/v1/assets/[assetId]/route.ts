import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-input";
import { assetBody } from "@/lib/api/v1/serialize";
import { withApiKey } from "@/lib/api/with-api-key";
import { labelAsset } from "@/lib/assets/label-asset";
import { listAssets } from "@/lib/assets/list-assets";
import { softDeleteAsset } from "@/lib/assets/soft-delete-asset";
import { notFound } from "@/lib/errors";
import { relabelAssetSchema } from "@/lib/validation/asset";

export const dynamic = "force-dynamic";

export const GET = withApiKey(
  async (_req, ctx) => {
    const [asset] = await listAssets(ctx, { assetId: ctx.params.assetId });
    if (!asset) throw notFound("Asset");
    return NextResponse.json({ asset: assetBody(asset) });
  },
  { capability: "assets:read", params: ["assetId"] },
);

/** Sets the asset's label (blank or null clears it). */
export const PATCH = withApiKey(
  async (req, ctx) => {
    const { label } = await readJsonBody(req, relabelAssetSchema);
    await labelAsset(ctx, { assetId: ctx.params.assetId, label });
    const [asset] = await listAssets(ctx, { assetId: ctx.params.assetId });
    if (!asset) throw notFound("Asset");
    return NextResponse.json({ asset: assetBody(asset) });
  },
  { capability: "assets:write", params: ["assetId"] },
);

/** Stops monitoring the asset; its history is kept 30 days and adding it again restores it. */
export const DELETE = withApiKey(
  async (_req, ctx) => {
    await softDeleteAsset(ctx, ctx.params.assetId);
    return new Response(null, { status: 204 });
  },
  { capability: "assets:write", params: ["assetId"] },
);
