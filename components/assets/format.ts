/** Dates in asset tables: UTC, to the minute, the same on server and client. */
export function formatDateTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}
