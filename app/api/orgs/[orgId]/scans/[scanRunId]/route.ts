import { NextResponse } from "next/server";
import { withOrg } from "@/lib/api/with-org";
import { notFound } from "@/lib/errors";
import { getScanRunProgress } from "@/lib/scan-runs/get-scan-run-progress";

export const dynamic = "force-dynamic";

/** Live progress of one scan run, polled by components/scans/scan-progress.tsx. */
export const GET = withOrg(
  async (_req, ctx) => {
    const run = await getScanRunProgress(ctx, ctx.params.scanRunId);
    if (!run) throw notFound("Scan");
    return NextResponse.json(
      {
        scanRun: {
          id: run.id,
          assetId: run.assetId,
          status: run.status,
          hostsDone: run.hostsDone,
          hostsTotal: run.hostsTotal,
          portsFound: run.portsFound,
          error: run.error,
          createdAt: run.createdAt.toISOString(),
          startedAt: run.startedAt?.toISOString() ?? null,
          finishedAt: run.finishedAt?.toISOString() ?? null,
          graded: run.graded,
        },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
  { capability: "assets:read", params: ["scanRunId"] },
);
