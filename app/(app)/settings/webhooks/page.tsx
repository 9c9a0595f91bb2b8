import type { Metadata } from "next";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointList } from "@/components/webhooks/endpoint-list";
import { can } from "@/lib/authz/org-context";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { requireAppOrganization } from "../../current-organization";
import { createWebhookEndpointAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

/** Outbound webhooks: the organisation's endpoints and a form to add one (owners and admins). */
export default async function WebhooksPage() {
  const { active } = await requireAppOrganization();
  if (!can(active, "webhooks:manage")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="text-sm text-slate-700">Only owners and admins of {active.name} can manage its webhooks.</p>
      </div>
    );
  }
  const endpoints = await listWebhookEndpoints(active);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Portwatch POSTs events to your endpoints as they happen — ports opening and closing, grade changes, finished
          and failed scans — signed per the Standard Webhooks specification, or formatted for a Slack incoming webhook.
          Failed deliveries are retried with increasing delays.
        </p>
      </div>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Endpoints</h2>
        <EndpointList endpoints={endpoints} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Add an endpoint</h2>
        <EndpointForm
          organizationId={active.organizationId}
          action={createWebhookEndpointAction}
          submitLabel="Add endpoint"
        />
      </section>
    </div>
  );
}
