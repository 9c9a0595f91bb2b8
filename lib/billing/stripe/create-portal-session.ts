import { appUrl } from "@/lib/auth/app-url";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { stripeClient } from "./stripe-client";

/** A Stripe Customer Portal session (change plan, card, invoices, cancel); returns its address. */
export async function createPortalSession(ctx: OrgContext<"billing:manage">): Promise<string> {
  const org = await db.organization.findFirst({
    where: organizationWhere(ctx, "billing:manage"),
    select: { stripeCustomerId: true },
  });
  if (!org) throw notFound("Organisation");
  if (!org.stripeCustomerId) throw new AppError("conflict", "There is no billing account yet: choose a plan first.");
  const session = await stripeClient().billingPortal.sessions.create({
    customer: org.stripeCustomerId,
    return_url: appUrl("/settings/billing"),
  });
  return session.url;
}
