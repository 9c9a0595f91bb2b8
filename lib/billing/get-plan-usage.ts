import { db } from "@/lib/db/client";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { notFound } from "@/lib/errors";
import type { Plan } from "@/lib/generated/prisma/enums";
import { trialDaysLeft } from "@/lib/organizations/trial";
import { DAY_MS, PLAN_LIMITS, type PlanLimits } from "@/lib/plans/plans";
import { trialExpired } from "@/lib/scan-runs/scan-cadence";

export interface PlanUsage {
  plan: Plan;
  limits: PlanLimits;
  /** Live assets against limits.maxAssets. */
  assets: number;
  /** Scans of the last 24 hours: on demand, and of any kind, against the plan's daily limits. */
  onDemandScansToday: number;
  scansToday: number;
  trialEndsAt: Date | null;
  /** Whole days left in a running trial; null when not on a trial. */
  trialDaysLeft: number | null;
  /** An ended trial: scans are paused until a plan is chosen. */
  scansPaused: boolean;
  billing: {
    stripeCustomer: boolean;
    subscriptionStatus: string | null;
    renewsAt: Date | null;
    paymentFailedAt: Date | null;
  };
}

/** The organisation's plan, its limits and how much of them is in use (the membership is in the where). */
export async function getPlanUsage(ctx: OrgContext<"assets:read">, now = new Date()): Promise<PlanUsage> {
  const org = await db.organization.findFirst({
    where: organizationWhere(ctx, "assets:read"),
    select: {
      plan: true,
      trialEndsAt: true,
      stripeCustomerId: true,
      stripeSubscriptionStatus: true,
      planRenewsAt: true,
      paymentFailedAt: true,
    },
  });
  if (!org) throw notFound("Organisation");
  const organizationId = ctx.organizationId;
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [assets, onDemandScansToday, scansToday] = await Promise.all([
    db.asset.count({ where: { organizationId, deletedAt: null } }),
    db.scanRun.count({ where: { organizationId, trigger: { in: ["MANUAL", "API"] }, createdAt: { gt: dayAgo } } }),
    db.scanRun.count({ where: { organizationId, createdAt: { gt: dayAgo } } }),
  ]);
  const onTrial = org.plan === "TRIAL" && org.trialEndsAt !== null;
  return {
    plan: org.plan,
    limits: PLAN_LIMITS[org.plan],
    assets,
    onDemandScansToday,
    scansToday,
    trialEndsAt: org.trialEndsAt,
    trialDaysLeft: onTrial ? trialDaysLeft(org.trialEndsAt!, now) : null,
    scansPaused: trialExpired(org, now),
    billing: {
      stripeCustomer: org.stripeCustomerId !== null,
      subscriptionStatus: org.stripeSubscriptionStatus,
      renewsAt: org.planRenewsAt,
      paymentFailedAt: org.paymentFailedAt,
    },
  };
}
