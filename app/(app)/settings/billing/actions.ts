"use server";

import { orgAction } from "@/lib/actions/action";
import { createCheckoutSession } from "@/lib/billing/stripe/create-checkout-session";
import { createPortalSession } from "@/lib/billing/stripe/create-portal-session";
import { billingPortalSchema, checkoutSchema } from "@/lib/validation/billing";

/** "Upgrade": a Stripe Checkout page for the plan; the form sends the owner there. */
export const checkoutAction = orgAction(
  { schema: checkoutSchema, capability: "billing:manage" },
  async (input, ctx) => ({
    success: "Opening Stripe Checkout…",
    data: { url: await createCheckoutSession(ctx, { plan: input.plan, email: ctx.user.email }) },
  }),
);

/** "Manage billing": the Stripe Customer Portal (change plan, card, invoices, cancel). */
export const billingPortalAction = orgAction(
  { schema: billingPortalSchema, capability: "billing:manage" },
  async (_input, ctx) => ({ success: "Opening the billing portal…", data: { url: await createPortalSession(ctx) } }),
);
