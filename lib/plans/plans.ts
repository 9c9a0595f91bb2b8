import type { Plan } from "@/lib/generated/prisma/enums";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** What one plan allows. Billing (a later issue) sells these; everything that enforces a limit reads it here. */
export interface PlanLimits {
  /** Shown to customers. */
  label: string;
  /** Live (not deleted) assets per organisation. */
  maxAssets: number;
  /** Interval between scheduled scans of a verified asset (unverified ones: STANDARD_SCAN.minIntervalMs at most). */
  scanIntervalMs: number;
  /** "Scan now" requests per organisation per 24 hours (first scans of new assets included). */
  onDemandScansPerDay: number;
  /** Scans of any kind (scheduled and on demand) per organisation per 24 hours. */
  scansPerDay: number;
}

/**
 * The one definition of the plans. A trial gets a starter's limits with fewer assets; a trial that has
 * ended gets no scans at all (lib/authz/plan.ts).
 */
export const PLAN_LIMITS: Readonly<Record<Plan, PlanLimits>> = {
  TRIAL: { label: "Free trial", maxAssets: 10, scanIntervalMs: 24 * HOUR_MS, onDemandScansPerDay: 20, scansPerDay: 60 },
  STARTER: { label: "Starter", maxAssets: 25, scanIntervalMs: 24 * HOUR_MS, onDemandScansPerDay: 50, scansPerDay: 150 },
  PRO: { label: "Pro", maxAssets: 250, scanIntervalMs: 6 * HOUR_MS, onDemandScansPerDay: 500, scansPerDay: 2_000 },
  ENTERPRISE: {
    label: "Enterprise",
    maxAssets: 5_000,
    scanIntervalMs: 1 * HOUR_MS,
    onDemandScansPerDay: 5_000,
    scansPerDay: 150_000,
  },
};

/**
 * What an asset whose ownership is not proven gets, whatever the plan: the standard scan (the top 1000
 * TCP ports, no UDP probes), scheduled at most daily, and a few on-demand scans a day. Proving ownership
 * (lib/asset-verification) unlocks every port, UDP probes and the plan's cadence.
 */
export const STANDARD_SCAN = {
  ports: "top-1000",
  minIntervalMs: 24 * HOUR_MS,
  onDemandScansPerAssetPerDay: 3,
} as const;

/** "Scan now" of one asset at most once per this long (a scan in progress is returned instead of a new one). */
export const SCAN_NOW_COOLDOWN_MS = 10 * MINUTE_MS;

export const DAY_MS = 24 * HOUR_MS;
