import type { ScanHistoryEntry } from "@/lib/asset-page/scan-history";
import { ScanProgress } from "@/components/scans/scan-progress";
import { LocalTime } from "@/components/ui/local-time";

const STATUS: Record<ScanHistoryEntry["status"], string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

function duration(run: ScanHistoryEntry): string {
  if (!run.startedAt || !run.finishedAt) return "—";
  const s = Math.max(0, Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The asset's scans, newest first; a queued or running one shows its live progress. */
export function ScanHistory({ runs, organizationId }: { runs: ScanHistoryEntry[]; organizationId: string }) {
  if (runs.length === 0) return <p className="text-sm text-slate-700">Not scanned yet.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Scan history</caption>
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-2 py-2">
              Requested
            </th>
            <th scope="col" className="px-2 py-2">
              Trigger
            </th>
            <th scope="col" className="px-2 py-2">
              Status
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Hosts
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Open ports
            </th>
            <th scope="col" className="px-2 py-2">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const live = run.status === "QUEUED" || run.status === "RUNNING";
            return (
              <tr key={run.id} className="align-top">
                <td className="px-2 py-2">
                  <LocalTime value={run.createdAt} />
                </td>
                <td className="px-2 py-2 text-slate-700">
                  {run.trigger === "SCHEDULED" ? "Scheduled" : run.trigger === "API" ? "API" : "Manual"}
                </td>
                {live ? (
                  <td colSpan={4} className="min-w-64 px-2 py-2">
                    <ScanProgress orgId={organizationId} scanRunId={run.id} initial={run} />
                  </td>
                ) : (
                  <>
                    <td className="px-2 py-2">
                      {STATUS[run.status]}
                      {run.error && run.status !== "COMPLETED" && (
                        <span className="block text-xs text-red-800">{run.error}</span>
                      )}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">
                      {run.hostsDone}/{run.hostsTotal}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">{run.portsFound}</td>
                    <td className="px-2 py-2 text-slate-700">{duration(run)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
