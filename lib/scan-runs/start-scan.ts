import { AppError, notFound } from "@/lib/errors";
import type { ScanRun, ScanTrigger } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/authz/org-context";
import { requestScan, ScanNotQueuedError } from "./request-scan";
import { ScanDataNotFoundError } from "./scan-data-not-found-error";

/**
 * requestScan for people (UI and API): its expected failures become user-facing errors — an asset that
 * is not this organisation's is "not found", a queue that cannot be reached says so and changes nothing.
 * The cooldown and the plan's scan quotas apply (lib/scan-runs/scan-quota.ts). `trigger` says where the
 * request came from: MANUAL for "Scan now", API for a call with an API key.
 */
export async function startScan(
  ctx: OrgContext<"scans:start">,
  assetId: string,
  trigger: Extract<ScanTrigger, "MANUAL" | "API"> = "MANUAL",
): Promise<ScanRun> {
  try {
    return await requestScan(
      ctx.organizationId,
      { assetId, trigger, requestedById: ctx.userId },
      { enforceQuota: true },
    );
  } catch (error) {
    if (error instanceof ScanDataNotFoundError) throw notFound("Asset");
    if (error instanceof ScanNotQueuedError) throw new AppError("internal", error.message);
    throw error;
  }
}
