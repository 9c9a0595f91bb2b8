import { z } from "zod";
import { PAID_PLANS } from "@/lib/plans/plans";

/** Billing input, shared by the billing page's forms and its server actions. */
export const checkoutSchema = z.object({
  plan: z.enum(PAID_PLANS, { error: `Choose one of the plans: ${PAID_PLANS.join(", ")}.` }),
});
export const billingPortalSchema = z.object({});
