import Stripe from "stripe";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/organizations/transaction";
import { isPaidPlan, planOfStripePrice } from "@/lib/plans/plans";
import { applySubscriptionState } from "./apply-subscription-state";
import {
  stripeCheckoutSessionSchema,
  stripeEventSchema,
  stripeInvoiceSchema,
  stripeSubscriptionSchema,
} from "./stripe-objects";
import { subscriptionGrantsPlan, type SubscriptionState } from "./subscription-state";

export type WebhookResult =
  | { status: 200; outcome: "applied" | "stale" | "duplicate" | "ignored" }
  | { status: 400; error: string }
  | { status: 404; error: string };

const seconds = (s: number) => new Date(s * 1000);

/** A price this install does not sell: Stripe should retry once the operator has set STRIPE_PRICE_<PLAN>. */
export class UnknownStripePriceError extends Error {
  constructor(priceId: string) {
    super(`Stripe subscription for unknown price ${priceId}: set STRIPE_PRICE_<PLAN> for it.`);
    this.name = "UnknownStripePriceError";
  }
}

/**
 * POST /api/stripe/webhook. The signature is verified with the stripe SDK and STRIPE_WEBHOOK_SECRET
 * (a forged body, a wrong secret or a timestamp older than five minutes — a replayed request — is a
 * 400 and changes nothing). Each event id is handled once: the StripeEvent row is written in the same
 * transaction as its effect, so a redelivery is acknowledged and ignored, and a failure leaves nothing
 * behind for Stripe's retry.
 */
export async function handleStripeWebhook(
  payload: string,
  signature: string | null,
  now = new Date(),
): Promise<WebhookResult> {
  const secret = process.env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!secret) return { status: 404, error: "Stripe webhooks are not configured on this installation." };
  if (!signature) return { status: 400, error: "Missing Stripe-Signature header." };
  let raw: unknown;
  try {
    raw = Stripe.webhooks.constructEvent(payload, signature, secret, undefined, undefined, now.getTime());
  } catch {
    return { status: 400, error: "Invalid Stripe signature." };
  }
  const parsed = stripeEventSchema.safeParse(raw);
  if (!parsed.success) return { status: 400, error: "Not a Stripe event." };
  const event = parsed.data;

  return db.$transaction(async (tx) => {
    const { count } = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type }],
      skipDuplicates: true,
    });
    if (count === 0) return { status: 200, outcome: "duplicate" } as const;
    const result = await applyEvent(tx, event, now);
    if (result.organizationId) {
      await tx.stripeEvent.update({ where: { id: event.id }, data: { organizationId: result.organizationId } });
    }
    return { status: 200, outcome: result.outcome } as const;
  });
}

type Applied = { outcome: "applied" | "stale" | "ignored"; organizationId?: string };
type StripeEventData = ReturnType<typeof stripeEventSchema.parse>;

async function applyEvent(tx: Tx, event: StripeEventData, now: Date): Promise<Applied> {
  const eventAt = seconds(event.created);
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const sub = stripeSubscriptionSchema.parse(event.data.object);
      const organizationId = await lockOrganization(tx, sub.metadata.organizationId, sub.customer);
      if (!organizationId) return { outcome: "ignored" };
      const item = sub.items.data[0]!;
      const plan = planOfStripePrice(item.price.id);
      if (!plan && subscriptionGrantsPlan(sub.status)) throw new UnknownStripePriceError(item.price.id);
      const periodEnd = item.current_period_end ?? sub.current_period_end ?? null;
      const state: SubscriptionState = {
        subscriptionId: sub.id,
        customerId: sub.customer,
        status: sub.status,
        plan,
        createdAt: seconds(sub.created),
        eventAt,
        renewsAt: periodEnd ? seconds(periodEnd) : null,
      };
      return { outcome: await applySubscriptionState(tx, organizationId, state, now), organizationId };
    }
    case "checkout.session.completed": {
      const session = stripeCheckoutSessionSchema.parse(event.data.object);
      if (session.mode !== "subscription" || !session.subscription || !session.customer) return { outcome: "ignored" };
      const organizationId = await lockOrganization(
        tx,
        session.client_reference_id ?? session.metadata.organizationId,
        session.customer,
      );
      if (!organizationId) return { outcome: "ignored" };
      const paid = session.payment_status === "paid" || session.payment_status === "no_payment_required";
      const plan = session.metadata.plan && isPaidPlan(session.metadata.plan) ? session.metadata.plan : null;
      // The session tells less than the subscription's own events (no period end); its subscription
      // counts as created now, and those events, arriving before or after, refine it.
      const state: SubscriptionState = {
        subscriptionId: session.subscription,
        customerId: session.customer,
        status: paid && plan ? "active" : "incomplete",
        plan,
        createdAt: eventAt,
        eventAt,
        renewsAt: null,
      };
      return { outcome: await applySubscriptionState(tx, organizationId, state, now), organizationId };
    }
    case "invoice.payment_failed": {
      const invoice = stripeInvoiceSchema.parse(event.data.object);
      if (!invoice.customer) return { outcome: "ignored" };
      const organizationId = await lockOrganization(tx, undefined, invoice.customer);
      if (!organizationId) return { outcome: "ignored" };
      const { count } = await tx.organization.updateMany({
        where: { id: organizationId, OR: [{ paymentFailedAt: null }, { paymentFailedAt: { lt: eventAt } }] },
        data: { paymentFailedAt: eventAt },
      });
      if (count === 0) return { outcome: "stale", organizationId };
      await recordAuditEvent(
        {
          action: "billing.payment_failed",
          organizationId,
          target: `organization:${organizationId}`,
          details: {
            invoice: invoice.id,
            subscription: invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null,
          },
          now,
        },
        tx,
      );
      return { outcome: "applied", organizationId };
    }
    default:
      return { outcome: "ignored" };
  }
}

/**
 * The organisation an event is about, locked for the rest of the transaction so two events of one
 * organisation apply one after the other. Named in the metadata Portwatch put on the checkout (and
 * the customer must not belong to another organisation), else found by its Stripe customer.
 */
async function lockOrganization(tx: Tx, organizationId: string | undefined | null, customerId: string) {
  const rows = organizationId
    ? await tx.$queryRaw<{ id: string; stripeCustomerId: string | null }[]>`
        SELECT "id", "stripeCustomerId" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`
    : await tx.$queryRaw<{ id: string; stripeCustomerId: string | null }[]>`
        SELECT "id", "stripeCustomerId" FROM "Organization" WHERE "stripeCustomerId" = ${customerId} FOR UPDATE`;
  const org = rows[0];
  if (!org) return null;
  if (org.stripeCustomerId && org.stripeCustomerId !== customerId) return null;
  return org.id;
}
