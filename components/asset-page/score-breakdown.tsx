import Link from "next/link";
import type { ScoreBreakdown as Breakdown } from "@/lib/asset-page/asset-header";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { formatPoints } from "@/components/findings/format-points";

function weightLabel(w: number): string {
  if (w === 1) return "1";
  if (w === 0) return "0 (not deducted again)";
  return `1/${Math.round(1 / w)}`;
}

/**
 * How the score was computed, line by line, exactly as docs/grading.md defines it: each finding's
 * severity, points, diminishing-returns weight and contribution; then the total and the ceiling.
 * The largest `shown` deductions are listed; `showAllHref` lists every one (an asset can have hundreds,
 * and each port's contribution is in the open ports table anyway).
 */
export function ScoreBreakdown({
  breakdown,
  shown = Infinity,
  showAllHref,
}: {
  breakdown: Breakdown;
  shown?: number;
  showAllHref?: string;
}) {
  const sorted = [...breakdown.findings].sort(
    (a, b) => b.deduction - a.deduction || b.rawDeduction - a.rawDeduction || a.port - b.port,
  );
  const counted = sorted.slice(0, shown);
  const raw = 100 - breakdown.totalDeduction;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-800">
        100 − {formatPoints(breakdown.totalDeduction)} points of deductions = {formatPoints(Math.max(0, raw))}
        {breakdown.ceiling && raw > breakdown.ceiling.score
          ? `, held to the ceiling of ${breakdown.ceiling.score} (${breakdown.ceiling.reason})`
          : ""}{" "}
        →{" "}
        <strong>
          {breakdown.score} ({breakdown.grade})
        </strong>
        . Method <code className="font-mono text-xs">{breakdown.methodVersion}</code>.
      </p>
      {counted.length === 0 ? (
        <p className="text-slate-700">No graded findings: nothing reachable costs points.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Score breakdown: every graded finding and what it takes off the score</caption>
            <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-2 py-2">
                  Finding
                </th>
                <th scope="col" className="px-2 py-2">
                  Severity
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  Points
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  Weight
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  Contribution
                </th>
                <th scope="col" className="px-2 py-2">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {counted.map((f) => (
                <tr key={`${f.ip}|${f.port}/${f.protocol}`} className="align-top">
                  <td className="px-2 py-2 font-mono whitespace-nowrap">
                    {f.ip} {f.port}/{f.protocol}
                    <span className="block text-xs text-slate-600">rule {f.ruleId}</span>
                  </td>
                  <td className="px-2 py-2">
                    <SeverityBadge severity={f.severity} />
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatPoints(f.rawDeduction)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{weightLabel(f.weight)}</td>
                  <td className="px-2 py-2 text-right font-semibold tabular-nums">−{formatPoints(f.deduction)}</td>
                  <td className="min-w-64 px-2 py-2 text-slate-700">
                    {f.reason}
                    {f.adjustments.length > 1 && (
                      <ul className="mt-1 text-xs text-slate-600">
                        {f.adjustments.map((a, i) => (
                          <li key={i}>
                            {a.points >= 0 ? "+" : "−"}
                            {formatPoints(Math.abs(a.points))}: {a.note}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > counted.length && (
            <p className="mt-2 text-slate-700">
              The {counted.length} largest of {sorted.length} deductions.{" "}
              {showAllHref && (
                <Link href={showAllHref} className="text-blue-800 underline">
                  Show all {sorted.length}
                </Link>
              )}
            </p>
          )}
        </div>
      )}
      {breakdown.catchAllHosts.map((c) => (
        <p key={c.host} className="text-slate-700">
          <span className="font-mono">{c.host}</span> answers on every port (catch-all): reported once, 0 points.{" "}
          {c.reason}
        </p>
      ))}
      {breakdown.notGradedCount > 0 && (
        <p className="text-slate-700">
          {breakdown.notGradedCount} open ports are not graded (silent UDP or catch-all hosts).
        </p>
      )}
    </div>
  );
}
