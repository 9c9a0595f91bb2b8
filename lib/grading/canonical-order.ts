/** One fixed order for findings, so results never depend on the order the scanner produced them. */
import type { GradingFinding } from "./types";

export function findingKey(f: Pick<GradingFinding, "ip" | "protocol" | "port">): string {
  return `${f.ip.toLowerCase()}|${f.protocol}|${f.port}`;
}

// Plain code-unit comparison: localeCompare would make the order depend on the machine's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: GradingFinding, b: GradingFinding): number {
  return (
    compareStrings(a.ip.toLowerCase(), b.ip.toLowerCase()) || compareStrings(a.protocol, b.protocol) || a.port - b.port
  );
}
