import type { Plan } from "@/lib/generated/prisma/client";

const HOUR_MS = 60 * 60 * 1000;

/**
 * How often each plan's assets are rescanned by continuous monitoring: the one place this is decided.
 * Any scan (manual or scheduled) sets the asset's next due time to its start plus the interval.
 *
 *   TRIAL       every 24 h while the trial runs; none once trialEndsAt has passed
 *   STARTER     every 24 h
 *   PRO         every 6 h
 *   ENTERPRISE  every hour
 */
export const SCAN_INTERVAL_MS: Readonly<Record<Plan, number>> = {
  TRIAL: 24 * HOUR_MS,
  STARTER: 24 * HOUR_MS,
  PRO: 6 * HOUR_MS,
  ENTERPRISE: 1 * HOUR_MS,
};

export interface PlanState {
  plan: Plan;
  trialEndsAt: Date | null;
}

/** A trial without an end date has not been given one yet, so it is still running. */
export function trialExpired(org: PlanState, now: Date): boolean {
  return org.plan === "TRIAL" && org.trialEndsAt !== null && org.trialEndsAt.getTime() <= now.getTime();
}

/** Milliseconds between scheduled scans, or null when the organisation gets no scheduled scans. */
export function scanIntervalMs(org: PlanState, now: Date): number | null {
  if (trialExpired(org, now)) return null;
  return SCAN_INTERVAL_MS[org.plan];
}

/** When the next scheduled scan is due after a scan at `from`; null = not scheduled. */
export function nextScanAt(org: PlanState, from: Date): Date | null {
  const interval = scanIntervalMs(org, from);
  return interval === null ? null : new Date(from.getTime() + interval);
}
