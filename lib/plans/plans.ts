import type { Plan } from "@/lib/generated/prisma/enums";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** What one plan allows. Billing sells these (lib/billing); everything that enforces or shows a limit reads it here. */
export interface PlanLimits {
  /** Shown to customers. */
  label: string;
  /** One line on whom the plan is for (landing page, billing page). */
  summary: string;
  /** Live (not deleted) assets per organisation. */
  maxAssets: number;
  /** Interval between scheduled scans of a verified asset (unverified ones: STANDARD_SCAN.minIntervalMs at most). */
  scanIntervalMs: number;
  /** "Scan now" requests per organisation per 24 hours (first scans of new assets included). */
  onDemandScansPerDay: number;
  /** "Scan now" requests per asset per 24 hours (the 10-minute cooldown applies as well). */
  onDemandScansPerAssetPerDay: number;
  /** Scans of any kind (scheduled and on demand) per organisation per 24 hours. */
  scansPerDay: number;
}

/**
 * The one definition of the plans. A trial gets a starter's cadence with fewer assets and on-demand
 * scans; a trial that has ended gets no scans at all (lib/authz/plan.ts) until a plan is chosen.
 */
export const PLAN_LIMITS: Readonly<Record<Plan, PlanLimits>> = {
  TRIAL: {
    label: "Free trial",
    summary: "14 days to try Portwatch on your own domains, no card needed.",
    maxAssets: 10,
    scanIntervalMs: 24 * HOUR_MS,
    onDemandScansPerDay: 20,
    onDemandScansPerAssetPerDay: 3,
    scansPerDay: 60,
  },
  STARTER: {
    label: "Starter",
    summary: "A small business watching its website, mail and remote access.",
    maxAssets: 25,
    scanIntervalMs: 24 * HOUR_MS,
    onDemandScansPerDay: 50,
    onDemandScansPerAssetPerDay: 10,
    scansPerDay: 150,
  },
  PRO: {
    label: "Pro",
    summary: "A security team watching every internet-facing host, several times a day.",
    maxAssets: 250,
    scanIntervalMs: 6 * HOUR_MS,
    onDemandScansPerDay: 500,
    onDemandScansPerAssetPerDay: 24,
    scansPerDay: 2_000,
  },
  ENTERPRISE: {
    label: "Enterprise",
    summary: "Large estates and subsidiaries, scanned every hour.",
    maxAssets: 5_000,
    scanIntervalMs: 1 * HOUR_MS,
    onDemandScansPerDay: 5_000,
    onDemandScansPerAssetPerDay: 144,
    scansPerDay: 150_000,
  },
};

/** The plans customers buy, smallest first (the trial is not sold). */
export const PAID_PLANS = ["STARTER", "PRO", "ENTERPRISE"] as const satisfies readonly Plan[];
export type PaidPlan = (typeof PAID_PLANS)[number];

export function isPaidPlan(value: string): value is PaidPlan {
  return (PAID_PLANS as readonly string[]).includes(value);
}

/**
 * The Stripe price of a paid plan (`STRIPE_PRICE_STARTER`, `STRIPE_PRICE_PRO`, `STRIPE_PRICE_ENTERPRISE`),
 * or null when that plan is not sold through Stripe on this install.
 */
export function stripePriceId(plan: PaidPlan): string | null {
  return process.env[`STRIPE_PRICE_${plan}`]?.trim() || null;
}

/** The paid plan a Stripe price sells, or null for a price this install does not know. */
export function planOfStripePrice(priceId: string): PaidPlan | null {
  return PAID_PLANS.find((plan) => stripePriceId(plan) === priceId) ?? null;
}

/** The price as customers should read it (`PLAN_PRICE_LABEL_PRO="€99 / month"`), or null when not set. */
export function planPriceLabel(plan: PaidPlan): string | null {
  return process.env[`PLAN_PRICE_LABEL_${plan}`]?.trim() || null;
}

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

/** What a person is told when a trial has ended and they try to scan or add an asset. */
export const TRIAL_ENDED_MESSAGE =
  "Your free trial has ended, so scans are paused. Your assets and history are kept; choose a plan on the Billing page to resume scanning.";
