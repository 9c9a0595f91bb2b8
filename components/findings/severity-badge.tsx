import type { Severity } from "@/lib/grading";
import { SEVERITY_LABEL } from "@/lib/findings/severity";
import { SEVERITY_BADGE } from "./severity-style";

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  if (!severity) return <span className="text-xs text-slate-600">Not graded</span>;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${SEVERITY_BADGE[severity]}`}>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
