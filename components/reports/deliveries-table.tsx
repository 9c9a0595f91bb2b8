const KIND = { REPORT: "Report", ALERT: "Alert", DIGEST: "Digest" } as const;
const STATUS = { SENT: "Sent", SENDING: "Sending", FAILED: "Failed" } as const;

export interface DeliveryRow {
  id: string;
  kind: keyof typeof KIND;
  recipient: string;
  subject: string;
  status: keyof typeof STATUS;
  attempts: number;
  error: string | null;
  updatedAt: Date;
}

/** Report, alert and digest mails with their outcome; a failure shows the mail server's reason. */
export function DeliveriesTable({ deliveries }: { deliveries: DeliveryRow[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-600">No report or alert mail sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-2 pr-4 font-medium">When (UTC)</th>
            <th className="py-2 pr-4 font-medium">Mail</th>
            <th className="py-2 pr-4 font-medium">To</th>
            <th className="py-2 pr-4 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="py-2 pr-4 whitespace-nowrap">
                {d.updatedAt.toISOString().replace("T", " ").slice(0, 16)}
              </td>
              <td className="py-2 pr-4">
                <span className="font-medium">{KIND[d.kind]}</span> {d.subject}
              </td>
              <td className="py-2 pr-4">{d.recipient}</td>
              <td className="py-2 pr-4">
                <span className={d.status === "FAILED" ? "font-medium text-red-700" : ""}>{STATUS[d.status]}</span>
                {d.attempts > 1 ? ` after ${d.attempts} attempts` : ""}
                {d.error && <span className="block text-xs text-red-700">{d.error}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
