import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/assets/format";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit-events";
import { can } from "@/lib/authz/org-context";
import { requireAppOrganization } from "../../current-organization";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

/** Security events of the active organisation, newest first, for its owners; kept one year. */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const { active } = await requireAppOrganization();
  if (!can(active, "audit:read")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-slate-700">Only owners of {active.name} can read its audit log.</p>
      </div>
    );
  }
  const raw = (await searchParams).before;
  const before = typeof raw === "string" && !Number.isNaN(Date.parse(raw)) ? new Date(raw) : undefined;
  const events = await listAuditEvents(active, before ? { before } : {});
  const older = events.length === AUDIT_PAGE_SIZE ? events.at(-1)!.createdAt.toISOString() : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Security events of {active.name}: sign-ins of its members, role changes, invitations, assets added or deleted,
          proof of ownership, API keys and webhooks. Kept for one year.
        </p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          No events{before ? " before this point" : " yet"}.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">
                  When
                </th>
                <th scope="col" className="px-4 py-2">
                  Event
                </th>
                <th scope="col" className="px-4 py-2">
                  Who
                </th>
                <th scope="col" className="px-4 py-2">
                  Details
                </th>
                <th scope="col" className="px-4 py-2">
                  Address
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatDateTime(e.createdAt)}</td>
                  <td className="px-4 py-2">{e.label}</td>
                  <td className="px-4 py-2">{e.actorEmail ?? "—"}</td>
                  <td className="px-4 py-2 text-slate-600">{detailText(e.details) || "—"}</td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-600">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older && (
        <p>
          <Link
            href={`/settings/audit-log?before=${encodeURIComponent(older)}`}
            className="text-sm font-medium underline"
          >
            Older events
          </Link>
        </p>
      )}
    </div>
  );
}
