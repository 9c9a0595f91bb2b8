// One formatter for every label: building an Intl.DateTimeFormat costs far more than using one.
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Chart axis and table labels for UTC days: "28 Nov" / "2026-11-28". */
export function shortDay(day: number): string {
  return SHORT_DAY.format(day);
}

export function isoDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

export const DAY_MS = 24 * 3600 * 1000;

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "±0";
}
