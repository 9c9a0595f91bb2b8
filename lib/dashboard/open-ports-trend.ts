import { readOrgDailyRollup } from "@/lib/exposure-rollups/read-rollups";
import type { Severity } from "@/lib/grading";
import { asUtcDay } from "./score-trend";
import { windowStart, type OrgScope } from "./org-scope";

export type SeverityCounts = Record<Severity | "ungraded", number>;

export interface OpenPortsPoint extends SeverityCounts {
  /** UTC midnight, epoch milliseconds. */
  day: number;
}

/**
 * Open ports at the end of each day of the window by severity, across the organisation's live
 * assets, read from the daily rollup the grading step writes (one row per day, never the history).
 * Days before the first grade count zero.
 */
export async function getOpenPortsTrend(
  ctx: OrgScope,
  days: number,
  now: Date = new Date(),
): Promise<OpenPortsPoint[]> {
  const since = windowStart(days, now);
  const rows = await readOrgDailyRollup(ctx, { since, until: now });
  const byDay = new Map(rows.map((r) => [asUtcDay(r.day), r]));
  const points: OpenPortsPoint[] = [];
  for (let day = since.getTime(); day <= now.getTime(); day += 24 * 3600 * 1000) {
    const r = byDay.get(day);
    points.push({
      day,
      critical: r?.critical ?? 0,
      high: r?.high ?? 0,
      medium: r?.medium ?? 0,
      low: r?.low ?? 0,
      info: r?.info ?? 0,
      ungraded: r?.ungraded ?? 0,
    });
  }
  return points;
}
