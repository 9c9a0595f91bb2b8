import type { Metadata } from "next";
import { formatDateTime } from "@/components/assets/format";
import { PlanCard } from "@/components/billing/plan-card";
import { PlanUsageTable } from "@/components/billing/plan-usage-table";
import { StripeRedirectForm } from "@/components/billing/stripe-redirect-form";
import { can } from "@/lib/authz/org-context";
import { getPlanUsage } from "@/lib/billing/get-plan-usage";
import { stripeConfigured } from "@/lib/billing/stripe/stripe-client";
import { subscriptionGrantsPlan } from "@/lib/billing/stripe/subscription-state";
import { PAID_PLANS, PLAN_LIMITS, planPriceLabel, stripePriceId } from "@/lib/plans/plans";
import { requireAppOrganization } from "../../current-organization";
import { billingPortalAction, checkoutAction } from "./actions";

export const metadata: Metadata = { title: "Plan and billing" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function planState(usage: Awaited<ReturnType<typeof getPlanUsage>>): string {
  if (usage.scansPaused)
    return "Your free trial has ended: scheduled and on-demand scans are paused. Your data is kept.";
  if (usage.trialDaysLeft !== null) {
    const days = usage.trialDaysLeft === 1 ? "1 day" : `${usage.trialDaysLeft} days`;
    return `Free trial: ${days} left (until ${formatDateTime(usage.trialEndsAt)}).`;
  }
  const renews = usage.billing.renewsAt ? ` Renews on ${formatDateTime(usage.billing.renewsAt)}.` : "";
  return `${usage.limits.label} plan.${renews}`;
}

/** The organisation's plan, limits and usage for every member; upgrading and managing billing for owners. */
export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const { active } = await requireAppOrganization();
  const usage = await getPlanUsage(active);
  const checkout = (await searchParams).checkout;
  const owner = can(active, "billing:manage");
  const online = stripeConfigured();
  const subscribed =
    usage.billing.subscriptionStatus !== null && subscriptionGrantsPlan(usage.billing.subscriptionStatus);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Plan and billing</h1>
        <p className="mt-1 text-sm text-slate-700">{planState(usage)}</p>
      </div>
      {checkout === "success" && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Thank you. Your plan changes as soon as Stripe confirms the payment, usually within a minute.
        </p>
      )}
      {usage.billing.paymentFailedAt && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          A payment failed on {formatDateTime(usage.billing.paymentFailedAt)}. Stripe retries it; update the card with
          “Manage billing” to keep the plan.
        </p>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Limits and usage ({usage.limits.label})</h2>
        <PlanUsageTable
          limits={usage.limits}
          assets={usage.assets}
          onDemandScansToday={usage.onDemandScansToday}
          scansToday={usage.scansToday}
        />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Plans</h2>
        {!owner && <p className="text-sm text-slate-600">Only owners of {active.name} can change its plan.</p>}
        {owner && online && subscribed && (
          <StripeRedirectForm
            action={billingPortalAction}
            organizationId={active.organizationId}
            label="Manage billing"
            pendingLabel="Opening…"
          />
        )}
        {owner && !online && (
          <p className="text-sm text-slate-700">
            Online payment is not set up on this installation. Its operator sets the plan with{" "}
            <code className="rounded bg-slate-100 px-1">
              npm run plan -- --org {active.organizationId} --plan &lt;PLAN&gt;
            </code>
            .
          </p>
        )}
        <ul className="grid gap-4 sm:grid-cols-3">
          {PAID_PLANS.map((plan) => (
            <PlanCard key={plan} limits={PLAN_LIMITS[plan]} price={planPriceLabel(plan)} current={usage.plan === plan}>
              {owner && online && !subscribed && stripePriceId(plan) && (
                <StripeRedirectForm
                  action={checkoutAction}
                  organizationId={active.organizationId}
                  plan={plan}
                  label={`Upgrade to ${PLAN_LIMITS[plan].label}`}
                  pendingLabel="Opening Stripe…"
                />
              )}
            </PlanCard>
          ))}
        </ul>
      </section>
    </div>
  );
}
