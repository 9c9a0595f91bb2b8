import type { CatchAllHost, PortResult, ScanProgress, ServiceFacts } from "../types";

/** The keys of the --json line, in the documented order (README: Scanner CLI). */
const JSON_KEYS = [
  "target",
  "ip",
  "port",
  "protocol",
  "state",
  "typicalService",
  "pendingClassification",
  "ianaService",
  "detectedService",
  "product",
  "version",
  "versionRevision",
  "tls",
  "banner",
] as const satisfies readonly (keyof PortResult)[];

/** The --json line of one port: exactly the documented keys, in order. */
export function jsonLine(result: PortResult): string {
  return JSON.stringify(Object.fromEntries(JSON_KEYS.map((key) => [key, result[key]])));
}

const COLUMNS = [
  "TARGET",
  "IP",
  "PORT",
  "STATE",
  "TYPICAL",
  "IANA",
  "DETECTED",
  "PRODUCT",
  "VERSION",
  "TLS",
  "NOTES",
] as const;

/** The facts worth a reader's attention, in words; "-" when there are none. */
function notes(facts: ServiceFacts): string {
  const said = [
    facts.redirectsToHttps === true ? "redirects to HTTPS" : null,
    facts.recursionAvailable === true ? "open resolver (offers recursion)" : null,
  ].filter((note) => note !== null);
  return said.length > 0 ? said.join(", ") : "-";
}

/** Control characters never reach the terminal, even if a field slipped through unescaped. */
const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");

function row(result: PortResult): string[] {
  return [
    result.target,
    result.ip,
    `${result.port}/${result.protocol}`,
    result.state,
    result.pendingClassification ? "pending classification" : (result.typicalService ?? "-"),
    result.ianaService?.name ?? "-",
    result.detectedService ?? "-",
    result.product ?? "-",
    [result.version, result.versionRevision].filter((part) => part !== null).join(" ") || "-",
    result.tls?.protocol ?? "-",
    notes(result.facts),
  ].map((cell) => clean(cell));
}

/** An aligned plain-text table; "No open ports" when there is nothing to show. */
export function formatTable(results: readonly PortResult[]): string {
  if (results.length === 0) return "No open ports found.";
  const rows = [COLUMNS.slice() as string[], ...results.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatCatchAll(host: CatchAllHost): string {
  return `${host.target} (${host.ip}) accepts connections on every probed port (${host.probedPorts.join(", ")}): catch-all host, port list not meaningful`;
}

export function formatProgress(p: ScanProgress): string {
  const percent = p.portsTotal === 0 ? 100 : Math.floor((100 * p.portsScanned) / p.portsTotal);
  return `hosts ${p.hostsDone}/${p.hostsTotal}  ports ${p.portsScanned}/${p.portsTotal} (${percent}%)  open ${p.openFound}`;
}
