import type { PlanLimits } from "@/lib/plans/plans";
import { cadenceText, formatCount } from "./format-limits";

/** One paid plan: what it costs (when the operator set a label), for whom, its limits; `children` is its button. */
export function PlanCard({
  limits,
  price,
  current,
  children,
}: {
  limits: PlanLimits;
  price: string | null;
  current: boolean;
  children?: React.ReactNode;
}) {
  return (
    <li
      className={`flex flex-col gap-3 rounded-lg border p-4 ${current ? "border-slate-900 ring-1 ring-slate-900" : "border-slate-200"}`}
    >
      <div>
        <h3 className="font-medium">
          {limits.label}
          {current && <span className="ml-2 text-xs font-normal text-slate-600">(your plan)</span>}
        </h3>
        {price && <p className="text-sm text-slate-900">{price}</p>}
        <p className="mt-1 text-sm text-slate-600">{limits.summary}</p>
      </div>
      <ul className="space-y-1 text-sm text-slate-700">
        <li>Up to {formatCount(limits.maxAssets)} assets</li>
        <li>Verified assets scanned {cadenceText(limits)}</li>
        <li>{formatCount(limits.onDemandScansPerDay)} on-demand scans a day</li>
      </ul>
      {children && <div className="mt-auto">{children}</div>}
    </li>
  );
}
