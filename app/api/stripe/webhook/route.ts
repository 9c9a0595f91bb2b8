import { NextResponse, type NextRequest } from "next/server";
import { handleStripeWebhook } from "@/lib/billing/stripe/handle-stripe-webhook";

/**
 * Stripe's webhook (register https://<your host>/api/stripe/webhook for checkout.session.completed,
 * customer.subscription.created/updated/deleted and invoice.payment_failed). Not an organisation route:
 * Stripe's signature, not a session, authorises it (lib/billing/stripe/handle-stripe-webhook.ts).
 */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    const result = await handleStripeWebhook(await req.text(), req.headers.get("stripe-signature"));
    if (result.status === 200) return NextResponse.json({ received: true, outcome: result.outcome });
    return NextResponse.json({ error: result.error }, { status: result.status });
  } catch (error) {
    // Logged in full; Stripe retries, and nothing was stored for the event.
    console.error("[portwatch] Stripe webhook failed", error);
    return NextResponse.json({ error: "The event could not be processed; it will be retried." }, { status: 500 });
  }
}
