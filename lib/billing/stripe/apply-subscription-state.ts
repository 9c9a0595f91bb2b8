import type { Tx } from "@/lib/organizations/transaction";
import { setOrganizationPlan } from "../set-organization-plan";
import { FINAL_STAGE, subscriptionGrantsPlan, subscriptionStage, type SubscriptionState } from "./subscription-state";

export type ApplyOutcome = "applied" | "stale";

/**
 * Applies what Stripe says about a subscription to the organisation (the caller holds its row lock).
 * Events arrive in any order, so the subscription's own state decides what wins:
 * - another subscription than the organisation's current one replaces it only if Stripe created it
 *   later (a late event about an old, cancelled subscription does not downgrade the new one);
 * - for the same subscription, an event created before the last applied one changes nothing; at the
 *   same second the later stage of its life wins; a cancelled subscription stays cancelled.
 * A subscription in a paying state gives its plan; otherwise the organisation falls back to its
 * free trial, which has usually ended: scans pause, the data stays (lib/authz/plan.ts).
 */
export async function applySubscriptionState(
  tx: Tx,
  organizationId: string,
  state: SubscriptionState,
  now: Date,
): Promise<ApplyOutcome> {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      stripeCustomerId: true,
      stripeSubscriptionId: true,
      stripeSubscriptionStatus: true,
      stripeSubscriptionCreatedAt: true,
      stripeStateAt: true,
      paymentFailedAt: true,
    },
  });
  if (org.stripeSubscriptionId && org.stripeSubscriptionId !== state.subscriptionId) {
    if (org.stripeSubscriptionCreatedAt && state.createdAt < org.stripeSubscriptionCreatedAt) return "stale";
  } else if (org.stripeSubscriptionId === state.subscriptionId && org.stripeStateAt) {
    const stored = subscriptionStage(org.stripeSubscriptionStatus ?? "");
    const incoming = subscriptionStage(state.status);
    if (state.eventAt < org.stripeStateAt) return "stale";
    if (state.eventAt.getTime() === org.stripeStateAt.getTime() && incoming < stored) return "stale";
    if (stored === FINAL_STAGE && org.stripeSubscriptionStatus !== state.status) return "stale";
  }

  const grants = subscriptionGrantsPlan(state.status) && state.plan !== null;
  await setOrganizationPlan(tx, organizationId, grants ? state.plan! : "TRIAL", {
    source: "stripe",
    now,
    details: { subscription: state.subscriptionId, status: state.status },
  });
  await tx.organization.update({
    where: { id: organizationId },
    data: {
      stripeCustomerId: org.stripeCustomerId ?? state.customerId,
      stripeSubscriptionId: state.subscriptionId,
      stripeSubscriptionStatus: state.status,
      stripeSubscriptionCreatedAt: state.createdAt,
      stripeStateAt: state.eventAt,
      planRenewsAt: grants ? state.renewsAt : null,
      // A payment that went through after a failure clears the warning.
      ...(state.status === "active" && org.paymentFailedAt && org.paymentFailedAt <= state.eventAt
        ? { paymentFailedAt: null }
        : {}),
    },
  });
  return "applied";
}
