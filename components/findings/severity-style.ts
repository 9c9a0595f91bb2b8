import type { Severity } from "@/lib/grading";

/** Badge colours with at least 4.5:1 text contrast (WCAG AA). */
export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: "bg-red-800 text-white",
  high: "bg-orange-100 text-orange-900 ring-1 ring-orange-300",
  medium: "bg-amber-100 text-amber-900 ring-1 ring-amber-300",
  low: "bg-sky-100 text-sky-900 ring-1 ring-sky-300",
  info: "bg-slate-100 text-slate-800 ring-1 ring-slate-300",
};

/** Chart fills, shared with the mailed and PDF reports. */
export { SEVERITY_COLOUR } from "@/lib/findings/severity";
