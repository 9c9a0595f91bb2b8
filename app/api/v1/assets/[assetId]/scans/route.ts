import { NextResponse } from "next/server";
import { scanRunBody } from "@/lib/api/v1/serialize";
import { withApiKey } from "@/lib/api/with-api-key";
import { notFound } from "@/lib/errors";
import { getScanRunProgress } from "@/lib/scan-runs/get-scan-run-progress";
import { startScan } from "@/lib/scan-runs/start-scan";

export const dynamic = "force-dynamic";

/**
 * Requests a scan of the asset (trigger API), under the same cooldown and plan budgets as "Scan now".
 * An asset already being scanned gets that scan back.
 */
export const POST = withApiKey(
  async (_req, ctx) => {
    const run = await startScan(ctx, ctx.params.assetId, "API");
    const progress = await getScanRunProgress(ctx, run.id);
    if (!progress) throw notFound("Scan");
    return NextResponse.json(
      { scanRun: scanRunBody(progress) },
      { status: 202, headers: { Location: `/api/v1/scans/${run.id}` } },
    );
  },
  { capability: "scans:start", requireActivePlan: true, params: ["assetId"] },
);
