import { appUrl } from "@/lib/auth/app-url";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { PLAN_LIMITS, stripePriceId, type PaidPlan } from "@/lib/plans/plans";
import { subscriptionGrantsPlan } from "./subscription-state";
import { stripeClient } from "./stripe-client";

/**
 * A Stripe Checkout session (subscription mode) for `plan`; returns the address to send the owner to.
 * The organisation travels as client_reference_id and in the subscription's metadata, so the webhook
 * knows whose plan to set. An organisation with a subscription already changes it in the Customer
 * Portal instead (a second subscription would bill twice).
 */
export async function createCheckoutSession(
  ctx: OrgContext<"billing:manage">,
  input: { plan: PaidPlan; email: string },
): Promise<string> {
  const org = await db.organization.findFirst({
    where: organizationWhere(ctx, "billing:manage"),
    select: { id: true, stripeCustomerId: true, stripeSubscriptionStatus: true },
  });
  if (!org) throw notFound("Organisation");
  if (org.stripeSubscriptionStatus && subscriptionGrantsPlan(org.stripeSubscriptionStatus)) {
    throw new AppError(
      "conflict",
      "This organisation has a subscription already: change its plan with “Manage billing”.",
    );
  }
  const price = stripePriceId(input.plan);
  if (!price) throw new AppError("invalid_input", `The ${PLAN_LIMITS[input.plan].label} plan is not sold online here.`);
  const metadata = { organizationId: org.id, plan: input.plan };
  const session = await stripeClient().checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price, quantity: 1 }],
    client_reference_id: org.id,
    ...(org.stripeCustomerId ? { customer: org.stripeCustomerId } : { customer_email: input.email }),
    metadata,
    subscription_data: { metadata },
    success_url: appUrl("/settings/billing?checkout=success"),
    cancel_url: appUrl("/settings/billing?checkout=cancelled"),
  });
  if (!session.url) throw new AppError("internal", "Stripe did not return a checkout page. Please try again.");
  return session.url;
}
