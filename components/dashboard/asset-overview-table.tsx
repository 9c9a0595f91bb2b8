import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { AssetSummary } from "@/lib/dashboard/asset-summaries";
import { AssetLink } from "@/components/assets/asset-link";
import { ScanNowButton } from "@/components/assets/scan-now-button";
import { Sparkline } from "@/components/charts/sparkline";
import { GradeBadge } from "@/components/grades/grade-badge";
import { ScanProgress } from "@/components/scans/scan-progress";
import { LocalTime } from "@/components/ui/local-time";

type ScanAction = (
  prev: ActionState<{ scanRunId: string }>,
  input: FormData,
) => Promise<ActionResult<{ scanRunId: string }>>;

function trendLabel(a: AssetSummary, days: number): string {
  if (a.trend.length < 2) return "Not enough grades for a trend";
  return `Score over ${days} days: from ${a.trend[0]!.score} to ${a.trend.at(-1)!.score}`;
}

/** Assets, worst grade first: grade, open ports, last scan (live while scanning), trend and "Scan now". */
export function AssetOverviewTable({
  assets,
  organizationId,
  canScan,
  scanAction,
  trendDays,
}: {
  assets: AssetSummary[];
  organizationId: string;
  canScan: boolean;
  scanAction: ScanAction;
  trendDays: number;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Asset
            </th>
            <th scope="col" className="px-3 py-2">
              Grade
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Open ports
            </th>
            <th scope="col" className="px-3 py-2">
              Last scan
            </th>
            <th scope="col" className="px-3 py-2">
              {trendDays}-day trend
            </th>
            {canScan && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {assets.map((a) => {
            const scanning = a.latestScan && (a.latestScan.status === "QUEUED" || a.latestScan.status === "RUNNING");
            return (
              <tr key={a.id}>
                <td className="px-3 py-2">
                  <AssetLink id={a.id} value={a.value} />
                  {a.label && <span className="ml-2 text-xs text-slate-600">{a.label}</span>}
                </td>
                <td className="px-3 py-2">
                  <GradeBadge grade={a.grade} score={a.score} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{a.openPorts}</td>
                <td className="min-w-48 px-3 py-2 text-slate-700">
                  {scanning && a.latestScan ? (
                    <ScanProgress orgId={organizationId} scanRunId={a.latestScan.id} initial={a.latestScan} />
                  ) : a.lastScanAt ? (
                    <LocalTime value={a.lastScanAt} />
                  ) : (
                    "Not scanned yet"
                  )}
                  {a.latestScan?.status === "FAILED" && (
                    <p className="text-xs text-red-800">Last scan failed: {a.latestScan.error ?? "unknown reason"}</p>
                  )}
                </td>
                <td className="px-3 py-2">
                  <Sparkline points={a.trend} label={trendLabel(a, trendDays)} />
                </td>
                {canScan && (
                  <td className="px-3 py-2">
                    <ScanNowButton organizationId={organizationId} assetId={a.id} value={a.value} action={scanAction} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
