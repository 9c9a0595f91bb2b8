import type { Severity } from "@/lib/grading";

/** Open ports of an asset or organisation by severity; `ungraded` are open but not graded. */
export interface SeverityCounts {
  openPorts: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  ungraded: number;
}

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const satisfies readonly Severity[];

/** Counts of graded findings by severity plus the open ports the method did not grade. */
export function countBySeverity(graded: readonly { severity: Severity }[], ungraded: number): SeverityCounts {
  const counts: SeverityCounts = {
    openPorts: graded.length + ungraded,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    ungraded,
  };
  for (const finding of graded) counts[finding.severity] += 1;
  return counts;
}
