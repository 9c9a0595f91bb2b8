import { z } from "zod";

/**
 * The parts of Stripe's webhook objects that billing reads, validated (Stripe's API versions move
 * fields: the period end went from the subscription to its items, the invoice's subscription under
 * `parent`). Everything else in the payload is ignored.
 */
const id = z.string().min(1).max(255);
const expandable = z.union([id, z.object({ id })]).transform((v) => (typeof v === "string" ? v : v.id));
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});

export const stripeEventSchema = z.object({
  id,
  type: z.string(),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const stripeSubscriptionSchema = z.object({
  id,
  customer: expandable,
  status: z.string(),
  created: z.number().int(),
  metadata,
  current_period_end: z.number().int().nullish(),
  items: z.object({
    data: z.array(z.object({ price: z.object({ id }), current_period_end: z.number().int().nullish() })).min(1),
  }),
});

export const stripeCheckoutSessionSchema = z.object({
  id,
  mode: z.string(),
  status: z.string().nullish(),
  payment_status: z.string(),
  client_reference_id: z.string().nullish(),
  customer: expandable.nullish(),
  subscription: expandable.nullish(),
  metadata,
});

export const stripeInvoiceSchema = z.object({
  id,
  customer: expandable.nullish(),
  subscription: expandable.nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: expandable.nullish() }).nullish() }).nullish(),
});

export type StripeSubscription = z.infer<typeof stripeSubscriptionSchema>;
