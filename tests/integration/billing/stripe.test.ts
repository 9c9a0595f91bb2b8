import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import Stripe from "stripe";
import { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { POST } from "@/app/api/stripe/webhook/route";
import { billingPortalAction, checkoutAction } from "@/app/(app)/settings/billing/actions";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const SECRET = "whsec_portwatch_test_secret";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
process.env.STRIPE_PRICE_STARTER = "price_starter_test";
process.env.STRIPE_PRICE_PRO = "price_pro_test";
process.env.STRIPE_PRICE_ENTERPRISE = "price_enterprise_test";

const T0 = Math.floor(Date.now() / 1000) - 3600;
let counter = 0;

function stripeEvent(type: string, created: number, object: Record<string, unknown>) {
  counter += 1;
  return { id: `evt_test_${counter}`, object: "event", type, created, data: { object } };
}

function subscription(
  id: string,
  status: string,
  options: { org?: string; customer?: string; price?: string; created?: number; periodEnd?: number },
) {
  return {
    id,
    object: "subscription",
    customer: options.customer ?? "cus_test_1",
    status,
    created: options.created ?? T0,
    metadata: options.org ? { organizationId: options.org } : {},
    items: {
      object: "list",
      data: [
        {
          id: `si_${id}`,
          price: { id: options.price ?? "price_starter_test" },
          current_period_end: options.periodEnd ?? T0 + 30 * 86400,
        },
      ],
    },
  };
}

/** Posts `event` to the webhook route, signed as Stripe signs (or with what `sign` overrides). */
async function deliver(
  event: object,
  sign: { secret?: string; timestamp?: number; body?: string; header?: string | null } = {},
) {
  const payload = JSON.stringify(event);
  const header =
    sign.header === undefined
      ? Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: sign.secret ?? SECRET,
          ...(sign.timestamp ? { timestamp: sign.timestamp } : {}),
        })
      : sign.header;
  const res = await POST(
    new NextRequest("http://127.0.0.1/api/stripe/webhook", {
      method: "POST",
      body: sign.body ?? payload,
      headers: header === null ? {} : { "stripe-signature": header },
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const orgRow = (id: string) => db.organization.findUniqueOrThrow({ where: { id } });

async function newOrg(trialEndsAt = new Date(Date.now() - 3600_000)) {
  const owner = await createUser();
  const org = await createOrg(owner, { trialEndsAt });
  return { owner, org };
}

describe("Stripe webhook", () => {
  it("a completed checkout sets the plan, links the customer and makes the ended trial's assets due at once", async () => {
    const { org } = await newOrg();
    const asset = await db.asset.create({
      data: {
        organizationId: org.id,
        kind: "DOMAIN",
        value: "paid.test",
        nextScanAt: new Date(Date.now() + 86400_000),
      },
    });
    const res = await deliver(
      stripeEvent("checkout.session.completed", T0 + 10, {
        id: "cs_test_1",
        object: "checkout.session",
        mode: "subscription",
        status: "complete",
        payment_status: "paid",
        client_reference_id: org.id,
        customer: "cus_checkout",
        subscription: "sub_checkout",
        metadata: { organizationId: org.id, plan: "PRO" },
      }),
    );
    expect(res).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await orgRow(org.id)).toMatchObject({
      plan: "PRO",
      stripeCustomerId: "cus_checkout",
      stripeSubscriptionId: "sub_checkout",
      stripeSubscriptionStatus: "active",
    });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).nextScanAt!.getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "billing.plan_changed" },
    });
    expect(audit.details).toMatchObject({ from: "TRIAL", to: "PRO", source: "stripe", subscription: "sub_checkout" });

    // A renewal moves the renewal date; the plan stays.
    const renewed = T0 + 60 * 86400;
    await deliver(
      stripeEvent(
        "customer.subscription.updated",
        T0 + 20,
        subscription("sub_checkout", "active", {
          customer: "cus_checkout",
          price: "price_pro_test",
          periodEnd: renewed,
        }),
      ),
    );
    expect(await orgRow(org.id)).toMatchObject({ plan: "PRO", planRenewsAt: new Date(renewed * 1000) });
  });

  it("refuses a forged, tampered, unsigned or replayed delivery with 400 and changes nothing", async () => {
    const { org } = await newOrg();
    const event = stripeEvent(
      "customer.subscription.created",
      T0,
      subscription("sub_forged", "active", { org: org.id, customer: "cus_forged", price: "price_pro_test" }),
    );
    const before = await orgRow(org.id);
    const forged = await deliver(event, { secret: "whsec_someone_else" });
    const tampered = await deliver(event, {
      body: JSON.stringify({ ...event, data: { object: { ...event.data.object, status: "active", metadata: {} } } }),
    });
    const unsigned = await deliver(event, { header: null });
    const garbage = await deliver(event, { header: "t=1,v1=deadbeef" });
    // A request captured and sent again ten minutes later: its signed timestamp is too old.
    const replayed = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    for (const res of [forged, tampered, unsigned, garbage, replayed]) expect(res.status).toBe(400);
    expect(forged.body).toEqual({ error: "Invalid Stripe signature." });
    expect(await orgRow(org.id)).toEqual(before);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("handles each event once: a redelivery is acknowledged and changes nothing", async () => {
    const { org } = await newOrg();
    const created = stripeEvent(
      "customer.subscription.created",
      T0,
      subscription("sub_once", "active", { org: org.id, customer: "cus_once" }),
    );
    expect((await deliver(created)).body).toMatchObject({ outcome: "applied" });
    // The owner switches to Pro, then Stripe re-sends the first event (its answer got lost).
    await deliver(
      stripeEvent(
        "customer.subscription.updated",
        T0 + 5,
        subscription("sub_once", "active", { customer: "cus_once", price: "price_pro_test" }),
      ),
    );
    expect(await deliver(created)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect((await orgRow(org.id)).plan).toBe("PRO");
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      organizationId: org.id,
      type: "customer.subscription.created",
    });
  });

  it("resolves events arriving out of order by the subscription's own timestamps and state", async () => {
    const { org } = await newOrg();
    const sub = (status: string, price = "price_starter_test") =>
      subscription("sub_a", status, { org: org.id, customer: "cus_ooo", price, created: T0 });

    // updated (Pro, t+20) arrives before created (Starter, t+10): the older event changes nothing.
    await deliver(stripeEvent("customer.subscription.updated", T0 + 20, sub("active", "price_pro_test")));
    expect((await deliver(stripeEvent("customer.subscription.created", T0 + 10, sub("active")))).body.outcome).toBe(
      "stale",
    );
    expect((await orgRow(org.id)).plan).toBe("PRO");

    // Same second: "incomplete" delivered after "active" does not undo it.
    await deliver(stripeEvent("customer.subscription.updated", T0 + 20, sub("incomplete", "price_pro_test")));
    expect((await orgRow(org.id)).plan).toBe("PRO");

    // Cancelled (t+40), then a late update (t+30) and even one of the same second: it stays cancelled.
    await deliver(stripeEvent("customer.subscription.deleted", T0 + 40, sub("canceled", "price_pro_test")));
    expect(await orgRow(org.id)).toMatchObject({
      plan: "TRIAL",
      stripeSubscriptionStatus: "canceled",
      planRenewsAt: null,
    });
    await deliver(stripeEvent("customer.subscription.updated", T0 + 30, sub("active", "price_pro_test")));
    await deliver(stripeEvent("customer.subscription.updated", T0 + 40, sub("active", "price_pro_test")));
    expect((await orgRow(org.id)).plan).toBe("TRIAL");

    // A new subscription (created later) gives Starter; a late event about the old one does not take it away.
    await deliver(
      stripeEvent(
        "customer.subscription.created",
        T0 + 100,
        subscription("sub_b", "active", { org: org.id, customer: "cus_ooo", created: T0 + 100 }),
      ),
    );
    await deliver(stripeEvent("customer.subscription.deleted", T0 + 120, sub("canceled", "price_pro_test")));
    expect(await orgRow(org.id)).toMatchObject({ plan: "STARTER", stripeSubscriptionId: "sub_b" });
  });

  it("records a failed payment; the plan follows the subscription's status", async () => {
    const { org } = await newOrg();
    await deliver(
      stripeEvent(
        "customer.subscription.created",
        T0,
        subscription("sub_f", "active", { org: org.id, customer: "cus_f" }),
      ),
    );
    const failed = await deliver(
      stripeEvent("invoice.payment_failed", T0 + 50, {
        id: "in_1",
        object: "invoice",
        customer: "cus_f",
        parent: { subscription_details: { subscription: "sub_f" } },
      }),
    );
    expect(failed.body.outcome).toBe("applied");
    expect(await orgRow(org.id)).toMatchObject({ plan: "STARTER", paymentFailedAt: new Date((T0 + 50) * 1000) });
    await deliver(
      stripeEvent("customer.subscription.updated", T0 + 60, subscription("sub_f", "past_due", { customer: "cus_f" })),
    );
    expect((await orgRow(org.id)).plan).toBe("STARTER");
    await deliver(
      stripeEvent("customer.subscription.updated", T0 + 90, subscription("sub_f", "unpaid", { customer: "cus_f" })),
    );
    expect((await orgRow(org.id)).plan).toBe("TRIAL");
    await deliver(
      stripeEvent("customer.subscription.updated", T0 + 120, subscription("sub_f", "active", { customer: "cus_f" })),
    );
    expect(await orgRow(org.id)).toMatchObject({ plan: "STARTER", paymentFailedAt: null });
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "billing.payment_failed" } })).toBe(1);
  });

  it("ignores events for customers it does not know, and answers 500 (so Stripe retries) for an unknown price", async () => {
    const stranger = await deliver(
      stripeEvent("customer.subscription.updated", T0, subscription("sub_x", "active", { customer: "cus_nobody" })),
    );
    expect(stranger).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    const { org } = await newOrg();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const unknown = stripeEvent(
      "customer.subscription.created",
      T0,
      subscription("sub_u", "active", { org: org.id, customer: "cus_u", price: "price_unknown" }),
    );
    expect((await deliver(unknown)).status).toBe(500);
    errors.mockRestore();
    expect(await db.stripeEvent.count({ where: { id: unknown.id } })).toBe(0);
    expect((await orgRow(org.id)).plan).toBe("TRIAL");
  });
});

describe("Checkout and Customer Portal, against a loopback Stripe", () => {
  const requests: { path: string; body: URLSearchParams; auth: string | undefined }[] = [];
  let server: http.Server;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        requests.push({ path: req.url ?? "", body: new URLSearchParams(raw), auth: req.headers.authorization });
        res.setHeader("content-type", "application/json");
        if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
          res.end(
            JSON.stringify({
              id: "cs_loop",
              object: "checkout.session",
              url: "https://checkout.stripe.test/c/cs_loop",
            }),
          );
        } else if (req.method === "POST" && req.url === "/v1/billing_portal/sessions") {
          res.end(
            JSON.stringify({
              id: "bps_loop",
              object: "billing_portal.session",
              url: "https://billing.stripe.test/p/bps_loop",
            }),
          );
        } else {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "Unrecognized request URL" } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.STRIPE_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.STRIPE_SECRET_KEY = "sk_test_portwatch_loopback";
    process.env.APP_URL = "http://127.0.0.1:3999";
  });
  afterAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    requests.length = 0;
  });

  it("an owner gets a subscription Checkout for the chosen plan, carrying the organisation", async () => {
    const { owner, org } = await newOrg();
    signInAs(owner);
    const result = await checkoutAction(undefined, form({ plan: "PRO" }));
    expect(result).toEqual({
      success: "Opening Stripe Checkout…",
      data: { url: "https://checkout.stripe.test/c/cs_loop" },
    });
    expect(requests).toHaveLength(1);
    const { body, auth } = requests[0]!;
    expect(auth).toBe("Bearer sk_test_portwatch_loopback");
    expect(Object.fromEntries(body)).toMatchObject({
      mode: "subscription",
      "line_items[0][price]": "price_pro_test",
      "line_items[0][quantity]": "1",
      client_reference_id: org.id,
      customer_email: owner.email,
      "metadata[organizationId]": org.id,
      "metadata[plan]": "PRO",
      "subscription_data[metadata][organizationId]": org.id,
      success_url: "http://127.0.0.1:3999/settings/billing?checkout=success",
      cancel_url: "http://127.0.0.1:3999/settings/billing?checkout=cancelled",
    });
    expect(await checkoutAction(undefined, form({ plan: "GOLD" }))).toMatchObject({ code: "invalid_input" });
  });

  it("a subscribed owner manages billing in the portal; admins may do neither; nothing works without Stripe", async () => {
    const { owner, org } = await newOrg();
    const admin = await createUser();
    await addMember(org, admin, "ADMIN");
    signInAs(owner);
    expect(await billingPortalAction(undefined, form({}))).toMatchObject({
      error: "There is no billing account yet: choose a plan first.",
    });
    await db.organization.update({
      where: { id: org.id },
      data: {
        plan: "STARTER",
        stripeCustomerId: "cus_portal",
        stripeSubscriptionId: "sub_p",
        stripeSubscriptionStatus: "active",
      },
    });
    expect(await billingPortalAction(undefined, form({}))).toEqual({
      success: "Opening the billing portal…",
      data: { url: "https://billing.stripe.test/p/bps_loop" },
    });
    expect(Object.fromEntries(requests.at(-1)!.body)).toEqual({
      customer: "cus_portal",
      return_url: "http://127.0.0.1:3999/settings/billing",
    });
    // A second subscription would bill twice: plan changes go through the portal.
    expect(await checkoutAction(undefined, form({ plan: "PRO" }))).toMatchObject({ code: "conflict" });

    signInAs(admin);
    await db.user.update({ where: { id: admin.id }, data: { activeOrganizationId: org.id } });
    expect(await billingPortalAction(undefined, form({}))).toMatchObject({ code: "forbidden" });
    expect(await checkoutAction(undefined, form({ plan: "PRO" }))).toMatchObject({ code: "forbidden" });

    signInAs(owner);
    const key = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    await db.organization.update({ where: { id: org.id }, data: { stripeSubscriptionStatus: null } });
    expect(await checkoutAction(undefined, form({ plan: "PRO" }))).toMatchObject({
      error: "Online payment is not set up on this Portwatch installation. Ask its operator to set your plan.",
    });
    process.env.STRIPE_SECRET_KEY = key;
  });
});
