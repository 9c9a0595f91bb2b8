import Stripe from "stripe";
import { AppError } from "@/lib/errors";

/** Stripe billing is on when STRIPE_SECRET_KEY is set; without it plans are set with `npm run plan`. */
export function stripeConfigured(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY?.trim());
}

export const STRIPE_NOT_CONFIGURED =
  "Online payment is not set up on this Portwatch installation. Ask its operator to set your plan.";

/**
 * The Stripe API client. STRIPE_API_URL points it elsewhere than api.stripe.com (stripe-mock, or the
 * loopback server the tests start); unset in production.
 */
export function stripeClient(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY?.trim();
  if (!key) throw new AppError("not_found", STRIPE_NOT_CONFIGURED);
  const api = process.env.STRIPE_API_URL?.trim();
  const target = api ? new URL(api) : null;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(target
      ? {
          host: target.hostname,
          port: target.port || (target.protocol === "http:" ? 80 : 443),
          protocol: target.protocol === "http:" ? "http" : "https",
        }
      : {}),
  });
}
