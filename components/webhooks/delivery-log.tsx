import { LocalTime } from "@/components/ui/local-time";
import type { WebhookDeliveryEntry } from "@/lib/webhooks/list-webhook-deliveries";
import { DeliveryStatus } from "./delivery-status";

/** An endpoint's recent deliveries: what was sent, when, and how the receiver answered. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDeliveryEntry[] }) {
  if (deliveries.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        Nothing sent yet. “Send test event” sends one now.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-label="Delivery log">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Created
            </th>
            <th scope="col" className="px-4 py-2">
              Event
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              Response
            </th>
            <th scope="col" className="px-4 py-2">
              Attempts
            </th>
            <th scope="col" className="px-4 py-2">
              Last attempt
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                <LocalTime value={d.createdAt} />
              </td>
              <td className="px-4 py-2">
                <code className="font-mono text-xs">{d.eventType}</code>
                <span className="block font-mono text-xs text-slate-500">{d.eventId}</span>
              </td>
              <td className="px-4 py-2">
                <DeliveryStatus status={d.status} attempts={d.attempts} />
                {d.error && <span className="mt-1 block text-xs text-slate-600">{d.error}</span>}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{d.responseStatus ?? "—"}</td>
              <td className="px-4 py-2">{d.attempts}</td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                {d.lastAttemptAt ? <LocalTime value={d.lastAttemptAt} /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
