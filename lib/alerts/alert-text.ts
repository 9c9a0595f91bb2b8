import type { AlertData } from "./alert-data";

/**
 * Header text from alert data: asset values are validated host names or addresses and services are the
 * scanner's labels, but whatever reached them from the network is reduced to plain characters, so
 * nothing can break out of the Subject line.
 */
export function headerSafe(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[^\p{L}\p{N} ._:/()+\-→—,]/gu, "")
    .trim()
    .slice(0, 80);
}

function serviceName(a: AlertData): string {
  return (
    a.detectedService ?? (a.pendingClassification ? "pending classification" : (a.typicalService ?? "unknown service"))
  );
}

/** What happened, in a few words: "port 3389 (ms-wbt-server) opened". */
export function alertHeadline(a: AlertData): string {
  switch (a.kind) {
    case "PORT_OPENED":
      return `port ${a.port} (${serviceName(a)}) opened`;
    case "SERVICE_CHANGED":
      return `port ${a.port} now answers as ${serviceName(a)}${a.previousService ? ` (was ${a.previousService})` : ""}`;
    case "TLS_EXPIRED":
      return `TLS certificate on port ${a.port} expired`;
    case "TLS_EXPIRING":
      return `TLS certificate on port ${a.port} expires soon`;
    case "GRADE_DROPPED":
      return `grade ${a.grade?.before ?? "?"} → ${a.grade?.after ?? "?"}`;
  }
}

/** "lab.example.com: port 3389 (ms-wbt-server) opened — grade C → D (+2 more)": one scan's alerts, worst first. */
export function scanAlertSubject(alerts: AlertData[]): string {
  const first = alerts.find((a) => a.kind !== "GRADE_DROPPED") ?? alerts[0]!;
  const grade = alerts.find((a) => a.grade)?.grade;
  const portAlerts = alerts.filter((a) => a.kind !== "GRADE_DROPPED").length;
  const parts = [headerSafe(first.assetValue), ": ", headerSafe(alertHeadline(first))];
  if (grade && first.kind !== "GRADE_DROPPED")
    parts.push(` — grade ${headerSafe(grade.before ?? "?")} → ${headerSafe(grade.after)}`);
  if (portAlerts > 1) parts.push(` (+${portAlerts - 1} more)`);
  return parts.join("");
}
