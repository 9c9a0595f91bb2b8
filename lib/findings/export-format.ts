import { remediationFor } from "@/lib/remediation";
import type { ExportedFinding } from "./export-findings";

export type ExportFormat = "csv" | "json";

/** Export columns, in order; the JSON export uses the same keys. */
const COLUMNS = [
  ["asset", (f) => f.assetValue],
  ["asset_label", (f) => f.assetLabel],
  ["ip", (f) => f.ip],
  ["hostname", (f) => f.hostname],
  ["port", (f) => f.port],
  ["protocol", (f) => f.protocol],
  ["state", (f) => f.state],
  ["typical_service", (f) => f.typicalService],
  ["pending_classification", (f) => f.pendingClassification],
  ["detected_service", (f) => f.detectedService],
  ["product", (f) => f.product],
  ["version", (f) => f.version],
  ["service_mismatch", (f) => f.serviceMismatch],
  ["severity", (f) => f.severity],
  ["contribution", (f) => (f.contribution === null ? null : Math.round(f.contribution * 100) / 100)],
  ["rule", (f) => f.ruleId],
  ["remediation", (f) => (f.severity === null ? null : remediationFor(f.ruleId).title)],
  ["first_seen", (f) => f.firstSeenAt.toISOString()],
  ["last_seen", (f) => f.lastSeenAt.toISOString()],
  ["tls_protocol", (f) => f.tls?.protocol ?? null],
  ["tls_subject", (f) => f.tls?.subject ?? null],
  ["tls_issuer", (f) => f.tls?.issuer ?? null],
  ["tls_valid_to", (f) => f.tls?.validTo ?? null],
  ["tls_self_signed", (f) => f.tls?.selfSigned ?? null],
  ["banner", (f) => f.banner],
] as const satisfies readonly (readonly [string, (f: ExportedFinding) => string | number | boolean | null])[];

export const EXPORT_COLUMNS = COLUMNS.map(([name]) => name);

export function csvHeader(): string {
  return `${EXPORT_COLUMNS.join(",")}\r\n`;
}

export function csvLine(f: ExportedFinding): string {
  return `${COLUMNS.map(([, get]) => csvField(get(f))).join(",")}\r\n`;
}

/**
 * RFC 4180 quoting, and no spreadsheet formulas: a banner is written by whoever runs the port, so a
 * cell that a spreadsheet would evaluate (=, +, -, @, tab, CR) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function jsonRecord(f: ExportedFinding): Record<string, string | number | boolean | null> {
  return Object.fromEntries(COLUMNS.map(([name, get]) => [name, get(f)]));
}
