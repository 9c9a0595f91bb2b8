import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmActionForm } from "@/components/members/confirm-action-form";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointButton } from "@/components/webhooks/endpoint-button";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { SecretPanel } from "@/components/webhooks/secret-panel";
import { can } from "@/lib/authz/org-context";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { requireAppOrganization } from "../../../current-organization";
import {
  deleteWebhookEndpointAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  sendTestWebhookEventAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "../actions";

export const metadata: Metadata = { title: "Webhook endpoint" };

/** One endpoint: its signing secret, a test event, its settings and its delivery log. */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { endpointId } = await params;
  const { active } = await requireAppOrganization();
  if (!can(active, "webhooks:manage")) notFound();
  const endpoint = await getWebhookEndpoint(active, endpointId);
  if (!endpoint) notFound();
  const deliveries = await listWebhookDeliveries(active, endpoint.id);
  const org = active.organizationId;
  const name = endpoint.description ?? new URL(endpoint.url).host;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/settings/webhooks" className="underline">
            Webhooks
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-all">{name}</h1>
        <p className="mt-1 font-mono text-xs break-all text-slate-600">{endpoint.url}</p>
        {!endpoint.enabled && (
          <p className="mt-2 text-sm text-slate-700">This endpoint is disabled: nothing is sent to it.</p>
        )}
      </div>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">Signing secret</h2>
        <p className="text-sm text-slate-600">
          Every delivery carries <code>webhook-id</code>, <code>webhook-timestamp</code> and{" "}
          <code>webhook-signature</code> headers. Verify them with this secret and a Standard Webhooks library before
          trusting a delivery.
        </p>
        <SecretPanel organizationId={org} endpointId={endpoint.id} revealAction={revealWebhookSecretAction} />
        <ConfirmActionForm
          action={rotateWebhookSecretAction}
          fields={{ organizationId: org, endpointId: endpoint.id }}
          label="Rotate secret"
          question="Replace the signing secret now? Deliveries signed with the old one stop verifying."
          confirmLabel="Rotate"
        />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">Deliveries</h2>
        <div className="flex flex-wrap items-start gap-4">
          {endpoint.enabled && (
            <EndpointButton
              organizationId={org}
              endpointId={endpoint.id}
              action={sendTestWebhookEventAction}
              label="Send test event"
              pendingLabel="Sending…"
            />
          )}
          <Link href={`/settings/webhooks/${endpoint.id}`} className="self-center text-sm underline">
            Refresh the log
          </Link>
        </div>
        <DeliveryLog deliveries={deliveries} />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">Settings</h2>
        <EndpointForm
          organizationId={org}
          endpointId={endpoint.id}
          action={updateWebhookEndpointAction}
          initial={{
            url: endpoint.url,
            description: endpoint.description ?? "",
            eventTypes: endpoint.eventTypes,
            format: endpoint.format,
          }}
          submitLabel="Save endpoint"
        />
        <div className="flex flex-wrap items-start gap-6">
          <EndpointButton
            organizationId={org}
            endpointId={endpoint.id}
            action={setWebhookEndpointEnabledAction}
            fields={{ enabled: endpoint.enabled ? "false" : "true" }}
            label={endpoint.enabled ? "Disable endpoint" : "Enable endpoint"}
            pendingLabel="Saving…"
          />
          <ConfirmActionForm
            action={deleteWebhookEndpointAction}
            fields={{ organizationId: org, endpointId: endpoint.id }}
            label="Delete endpoint"
            question="Delete this endpoint and its delivery log?"
            confirmLabel="Delete"
            navigateTo="/settings/webhooks"
          />
        </div>
      </section>
    </div>
  );
}
