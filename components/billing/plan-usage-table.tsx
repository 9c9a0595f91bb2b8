import type { PlanLimits } from "@/lib/plans/plans";
import { cadenceText, formatCount } from "./format-limits";

function Row({ label, used, limit }: { label: string; used: number; limit: number }) {
  const full = used >= limit;
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-700">
        {label}
      </th>
      <td className={`py-2 tabular-nums ${full ? "font-medium text-red-800" : "text-slate-900"}`}>
        {formatCount(used)} of {formatCount(limit)}
        {full && <span className="ml-2 text-xs">limit reached</span>}
      </td>
    </tr>
  );
}

/** The plan's limits with what is used of them now. */
export function PlanUsageTable({
  limits,
  assets,
  onDemandScansToday,
  scansToday,
}: {
  limits: PlanLimits;
  assets: number;
  onDemandScansToday: number;
  scansToday: number;
}) {
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">Limits and usage</caption>
      <tbody>
        <Row label="Assets monitored" used={assets} limit={limits.maxAssets} />
        <Row label="On-demand scans, last 24 hours" used={onDemandScansToday} limit={limits.onDemandScansPerDay} />
        <Row label="Scans of any kind, last 24 hours" used={scansToday} limit={limits.scansPerDay} />
        <tr className="border-t border-slate-200">
          <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-700">
            Scheduled scans of verified assets
          </th>
          <td className="py-2 text-slate-900">{cadenceText(limits)}</td>
        </tr>
        <tr className="border-t border-slate-200">
          <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-700">
            On-demand scans per asset
          </th>
          <td className="py-2 text-slate-900">{limits.onDemandScansPerAssetPerDay} a day</td>
        </tr>
      </tbody>
    </table>
  );
}
