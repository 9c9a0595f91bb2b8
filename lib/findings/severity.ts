import type { Severity } from "@/lib/grading";
import { SEVERITIES } from "@/lib/exposure-rollups/severity-counts";

/** Worst first: the order of every severity list, legend and stack (declared once, with the rollup's counts). */
export { SEVERITIES };

/** 0 for critical … 4 for info: sorts worst first. */
export function severityRank(severity: Severity): number {
  return (SEVERITIES as readonly Severity[]).indexOf(severity);
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};
