import type { PlanLimits } from "@/lib/plans/plans";

const HOUR_MS = 3_600_000;

/** "every 6 hours", "daily": how often a verified asset is scanned on a plan. */
export function cadenceText(limits: PlanLimits): string {
  const hours = limits.scanIntervalMs / HOUR_MS;
  if (hours === 24) return "daily";
  if (hours === 1) return "every hour";
  return `every ${hours} hours`;
}

export const formatCount = (n: number) => n.toLocaleString("en-GB");
