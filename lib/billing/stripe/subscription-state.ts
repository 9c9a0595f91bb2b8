import type { PaidPlan } from "@/lib/plans/plans";

/** Statuses in which a subscription gives its plan: past_due too, while Stripe retries the payment. */
const GRANTING = ["active", "trialing", "past_due"];

export function subscriptionGrantsPlan(status: string): boolean {
  return GRANTING.includes(status);
}

/**
 * Where a status sits in a subscription's life; between two events of the same second, the later
 * stage wins (an "incomplete" delivered after "active" of the same second does not undo it).
 * "canceled" and "incomplete_expired" are final: nothing follows them.
 */
const STAGE: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  unpaid: 4,
  paused: 4,
  incomplete_expired: 5,
  canceled: 5,
};

export const FINAL_STAGE = 5;

export function subscriptionStage(status: string): number {
  return STAGE[status] ?? 0;
}

/** What a Stripe event says about an organisation's subscription, whichever event it came from. */
export interface SubscriptionState {
  subscriptionId: string;
  customerId: string;
  status: string;
  /** The plan its price sells; null when its status grants none. */
  plan: PaidPlan | null;
  /** When Stripe created the subscription (a newer subscription replaces an older one). */
  createdAt: Date;
  /** When Stripe created the event: an older event than the last applied one changes nothing. */
  eventAt: Date;
  renewsAt: Date | null;
}
