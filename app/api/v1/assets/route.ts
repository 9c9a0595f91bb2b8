import { NextResponse } from "next/server";
import { readJsonBody, readQuery } from "@/lib/api/read-input";
import { assetBody, nextCursorOf } from "@/lib/api/v1/serialize";
import { withApiKey } from "@/lib/api/with-api-key";
import { addAsset } from "@/lib/assets/add-asset";
import { listAssets } from "@/lib/assets/list-assets";
import { notFound } from "@/lib/errors";
import { addAssetSchema } from "@/lib/validation/asset";
import { DEFAULT_PAGE_LIMIT, pageQuerySchema } from "@/lib/validation/pagination";

export const dynamic = "force-dynamic";

/** The organisation's assets, newest first, a page at a time. */
export const GET = withApiKey(
  async (req, ctx) => {
    const { cursor, limit = DEFAULT_PAGE_LIMIT } = readQuery(req, pageQuerySchema);
    const rows = await listAssets(ctx, { ...(cursor ? { after: cursor } : {}), limit });
    return NextResponse.json({
      data: rows.map(assetBody),
      nextCursor: nextCursorOf(rows, limit, (a) => ({ at: a.createdAt, id: a.id })),
    });
  },
  { capability: "assets:read" },
);

/** Adds a domain or IP address: the add form's validation, messages and plan limits. */
export const POST = withApiKey(
  async (req, ctx) => {
    const input = await readJsonBody(req, addAssetSchema);
    const { id, restored } = await addAsset(ctx, {
      target: input.value,
      ...(input.label !== undefined ? { label: input.label } : {}),
      ip: ctx.ip,
    });
    const [asset] = await listAssets(ctx, { assetId: id });
    if (!asset) throw notFound("Asset");
    return NextResponse.json(
      { asset: assetBody(asset) },
      { status: restored ? 200 : 201, headers: { Location: `/api/v1/assets/${id}` } },
    );
  },
  { capability: "assets:write", requireActivePlan: true },
);
