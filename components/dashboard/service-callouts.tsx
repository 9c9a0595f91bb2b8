import { MismatchMarker, PendingBadge } from "@/components/findings/service-cells";
import type { ServiceComparison } from "@/lib/dashboard/service-comparison";

/** The ports where typical and detected disagree, and those still pending classification, in words. */
export function ServiceCallouts({ comparison }: { comparison: ServiceComparison }) {
  const mismatched = comparison.mismatches.reduce((n, m) => n + m.ports, 0);
  return (
    <div className="space-y-3 text-sm">
      <div>
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          <MismatchMarker typical={null} />
          {mismatched === 0
            ? "Every identified service runs where it is registered."
            : `${mismatched} ${mismatched === 1 ? "port runs" : "ports run"} something other than its typical service`}
        </p>
        {comparison.mismatches.length > 0 && (
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {comparison.mismatches.slice(0, 6).map((m) => (
              <li key={`${m.typical}→${m.detected}`}>
                <span className="font-mono">{m.typical}</span> port answering as{" "}
                <span className="font-mono">{m.detected}</span>: {m.ports}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="flex flex-wrap items-center gap-2 text-slate-900">
        <PendingBadge />
        {comparison.pendingPorts === 0
          ? "No open port is pending classification."
          : `${comparison.pendingPorts} open ${comparison.pendingPorts === 1 ? "port has" : "ports have"} no meaningful registration and no identified service (graded medium until classified).`}
      </p>
      {comparison.undetectedPorts > 0 && (
        <p className="text-slate-700">
          {comparison.undetectedPorts} of {comparison.openPorts} open ports did not identify themselves; they are graded
          by their typical service.
        </p>
      )}
    </div>
  );
}
