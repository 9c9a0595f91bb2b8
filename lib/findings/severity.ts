import type { Severity } from "@/lib/grading";

/** Worst first: the order of every severity list, legend and stack. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** 0 for critical … 4 for info: sorts worst first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
