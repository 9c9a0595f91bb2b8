import { PLAN_LIMITS, STANDARD_SCAN, isPaidPlan, planPriceLabel, type PlanLimits } from "@/lib/plans/plans";
import { TRIAL_DAYS } from "@/lib/organizations/trial";

const HOUR_MS = 60 * 60 * 1000;

/** "daily", "every 6 hours", "hourly": how often monitoring rescans an asset of the plan. */
export function cadenceText(intervalMs: number): string {
  if (intervalMs === HOUR_MS) return "Hourly";
  if (intervalMs === 24 * HOUR_MS) return "Daily";
  if (intervalMs % (24 * HOUR_MS) === 0) return `Every ${intervalMs / (24 * HOUR_MS)} days`;
  if (intervalMs % HOUR_MS === 0) return `Every ${intervalMs / HOUR_MS} hours`;
  return `Every ${Math.round(intervalMs / 60_000)} minutes`;
}

const number = new Intl.NumberFormat("en");

/** The plans and their limits, read from lib/plans/plans.ts, the one definition every limit check uses. */
export function PlanTable() {
  const plans = Object.entries(PLAN_LIMITS) as [string, PlanLimits][];
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label="Plans and limits"
    >
      <table className="w-full min-w-[34rem] text-left text-sm">
        <caption className="sr-only">Plans and their limits</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Plan
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Assets (domains or IPs)
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Monitoring scans
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              “Scan now” per day
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans.map(([plan, limits]) => (
            <tr key={plan}>
              <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                {limits.label}
                <span className="block text-xs font-normal text-slate-600">
                  {plan === "TRIAL" ? `${TRIAL_DAYS} days, free` : isPaidPlan(plan) ? planPriceLabel(plan) : null}
                </span>
                <span className="block max-w-[16rem] text-xs font-normal text-slate-600">{limits.summary}</span>
              </th>
              <td className="px-4 py-2">up to {number.format(limits.maxAssets)}</td>
              <td className="px-4 py-2">{cadenceText(limits.scanIntervalMs)}</td>
              <td className="px-4 py-2">{number.format(limits.onDemandScansPerDay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-600">
        Until you prove you own an asset (a DNS TXT record or a file on its web server), it gets the standard scan — the{" "}
        {STANDARD_SCAN.ports.replace("top-", "top ")} TCP ports, at most{" "}
        {cadenceText(STANDARD_SCAN.minIntervalMs).toLowerCase()}. Proven assets get every TCP port, UDP service probes
        and the plan’s cadence.
      </p>
    </div>
  );
}
