import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { DAY_MS, PLAN_LIMITS, SCAN_NOW_COOLDOWN_MS, STANDARD_SCAN, TRIAL_ENDED_MESSAGE } from "@/lib/plans/plans";
import { trialExpired } from "./scan-cadence";

const ON_DEMAND = ["MANUAL", "API"] as const;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Whether a person (UI or API) may start a scan of this asset now. In order: the asset's cooldown
 * ("Scan now" at most every SCAN_NOW_COOLDOWN_MS), the few on-demand scans a day of an asset whose
 * ownership is not proven, the plan's on-demand scans per asset, the organisation's on-demand scans per
 * day and its daily scan budget (all per plan, lib/plans/plans.ts); nothing once a trial has ended.
 * Each refusal says when scanning is possible again or what unlocks more.
 */
export async function assertMayScanNow(organizationId: string, assetId: string, now = new Date()): Promise<void> {
  const asset = await db.asset.findFirst({
    where: { id: assetId, organizationId, deletedAt: null },
    select: { verifiedAt: true, organization: { select: { plan: true, trialEndsAt: true } } },
  });
  if (!asset) throw notFound("Asset");
  // Repeated here (the action wrapper checks it too) so no caller can scan for an expired trial.
  if (trialExpired(asset.organization, now)) throw new AppError("plan_limit", TRIAL_ENDED_MESSAGE);
  const limits = PLAN_LIMITS[asset.organization.plan];
  const dayAgo = new Date(now.getTime() - DAY_MS);

  const last = await db.scanRun.findFirst({
    where: { organizationId, assetId, trigger: { in: [...ON_DEMAND] } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const sinceLast = last ? now.getTime() - last.createdAt.getTime() : Infinity;
  if (sinceLast < SCAN_NOW_COOLDOWN_MS) {
    throw new AppError(
      "rate_limited",
      `This asset was scanned on demand a moment ago. You can scan it again in ${minutes(SCAN_NOW_COOLDOWN_MS - sinceLast)} minutes.`,
    );
  }
  const ofAsset = await db.scanRun.count({
    where: { organizationId, assetId, trigger: { in: [...ON_DEMAND] }, createdAt: { gt: dayAgo } },
  });
  if (asset.verifiedAt === null && ofAsset >= STANDARD_SCAN.onDemandScansPerAssetPerDay) {
    throw new AppError(
      "rate_limited",
      `An asset whose ownership is not verified can be scanned on demand ${STANDARD_SCAN.onDemandScansPerAssetPerDay} times a day. Verify it to scan more often.`,
    );
  }
  if (ofAsset >= limits.onDemandScansPerAssetPerDay) {
    throw new AppError(
      "rate_limited",
      `Your plan (${limits.label}) includes ${limits.onDemandScansPerAssetPerDay} on-demand scans of one asset a day, and this asset has used them. Scheduled scans continue.`,
    );
  }
  const onDemand = await db.scanRun.count({
    where: { organizationId, trigger: { in: [...ON_DEMAND] }, createdAt: { gt: dayAgo } },
  });
  if (onDemand >= limits.onDemandScansPerDay) {
    throw new AppError(
      "rate_limited",
      `Your plan (${limits.label}) includes ${limits.onDemandScansPerDay} on-demand scans a day, and they are used up. Scheduled scans continue.`,
    );
  }
  const all = await db.scanRun.count({ where: { organizationId, createdAt: { gt: dayAgo } } });
  if (all >= limits.scansPerDay) {
    throw new AppError(
      "rate_limited",
      `Your organisation has used its ${limits.scansPerDay} scans of the last 24 hours (${limits.label} plan). Try again later.`,
    );
  }
}
