import Link from "next/link";
import type { WebhookEndpointSummary } from "@/lib/webhooks/list-webhook-endpoints";
import { WEBHOOK_FORMATS } from "@/lib/webhooks/event-types";
import { DeliveryStatus } from "./delivery-status";

/** The organisation's endpoints; each URL opens its page (secret, test event, delivery log). */
export function EndpointList({ endpoints }: { endpoints: WebhookEndpointSummary[] }) {
  if (endpoints.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No endpoints yet. Add one below to receive Portwatch events in your own tools.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
      {endpoints.map((e) => (
        <li key={e.id} className="space-y-1 px-4 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/settings/webhooks/${e.id}`} className="font-medium break-all underline">
              {e.description ?? new URL(e.url).host}
            </Link>
            {!e.enabled && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">Disabled</span>}
            {e.lastDelivery && <DeliveryStatus status={e.lastDelivery.status} attempts={e.lastDelivery.attempts} />}
          </div>
          <p className="font-mono text-xs break-all text-slate-600">{e.url}</p>
          <p className="text-xs text-slate-600">
            {WEBHOOK_FORMATS[e.format]} · {e.eventTypes.join(", ")}
            {e.createdByEmail ? ` · added by ${e.createdByEmail}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
