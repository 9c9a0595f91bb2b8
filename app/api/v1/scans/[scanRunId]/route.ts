import { NextResponse } from "next/server";
import { scanRunBody } from "@/lib/api/v1/serialize";
import { withApiKey } from "@/lib/api/with-api-key";
import { notFound } from "@/lib/errors";
import { getScanRunProgress } from "@/lib/scan-runs/get-scan-run-progress";

export const dynamic = "force-dynamic";

/** A scan's status and progress (hosts done of total, ports found). */
export const GET = withApiKey(
  async (_req, ctx) => {
    const run = await getScanRunProgress(ctx, ctx.params.scanRunId);
    if (!run) throw notFound("Scan");
    return NextResponse.json({ scanRun: scanRunBody(run) }, { headers: { "Cache-Control": "no-store" } });
  },
  { capability: "assets:read", params: ["scanRunId"] },
);
