import type { Plan } from "@/lib/generated/prisma/client";
import { isPlanActive } from "@/lib/authz/plan";
import { PLAN_LIMITS, STANDARD_SCAN } from "@/lib/plans/plans";

/**
 * How often an asset is rescanned by continuous monitoring, from the plan (lib/plans/plans.ts) and
 * whether the asset's ownership is proven. Any scan (manual or scheduled) sets the asset's next due
 * time to its start plus the interval.
 *
 *   TRIAL       every 24 h while the trial runs; none once trialEndsAt has passed
 *   STARTER     every 24 h
 *   PRO         every 6 h      } unverified assets of every plan: at most daily
 *   ENTERPRISE  every hour     }
 */
export interface PlanState {
  plan: Plan;
  trialEndsAt: Date | null;
}

/** The trial is over (or was never given): scans pause. The same rule as the actions' isPlanActive. */
export function trialExpired(org: PlanState, now: Date): boolean {
  return !isPlanActive(org, now);
}

/** Milliseconds between scheduled scans, or null when the organisation gets no scheduled scans. */
export function scanIntervalMs(org: PlanState, now: Date, verified: boolean): number | null {
  if (trialExpired(org, now)) return null;
  const planned = PLAN_LIMITS[org.plan].scanIntervalMs;
  return verified ? planned : Math.max(planned, STANDARD_SCAN.minIntervalMs);
}

/** When the next scheduled scan is due after a scan at `from`; null = not scheduled. */
export function nextScanAt(org: PlanState, from: Date, verified: boolean): Date | null {
  const interval = scanIntervalMs(org, from, verified);
  return interval === null ? null : new Date(from.getTime() + interval);
}
