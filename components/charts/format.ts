/** Chart axis and table labels for UTC days: "28 Nov" (lib/charts) / "2026-11-28". */
export { shortDay } from "@/lib/charts/step-line";

export function isoDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

export const DAY_MS = 24 * 3600 * 1000;

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "±0";
}

/**
 * About `count` evenly spaced whole UTC days from `since` to `until` (both included), for a time axis:
 * left to itself, Recharts' time scale labelled every day of a 90-day window on top of each other.
 */
export function dayTicks(since: number, until: number, count = 6): number[] {
  const days = Math.max(0, Math.round((until - since) / DAY_MS));
  const step = Math.max(1, Math.ceil(days / (count - 1)));
  const ticks: number[] = [];
  for (let d = 0; d < days; d += step) ticks.push(since + d * DAY_MS);
  // The last tick is always "today"; drop a regular tick that would sit on top of it.
  if (ticks.length > 1 && days - (ticks.length - 1) * step < step / 2) ticks.pop();
  ticks.push(until);
  return ticks;
}
