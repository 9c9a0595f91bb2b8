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

/** Chart fills with at least 3:1 contrast against white (WCAG 1.4.11): the dashboard's charts and the reports'. */
export const SEVERITY_COLOUR: Record<Severity | "ungraded", string> = {
  critical: "#991b1b",
  high: "#ea580c",
  medium: "#b45309",
  low: "#2563eb",
  info: "#64748b",
  ungraded: "#7c3aed",
};
