import { db } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import { SEVERITIES, isSeverity } from "@/lib/findings/severity";
import { asUtcDay } from "./score-trend";
import { memberCheck, windowStart, type OrgScope } from "./org-scope";

export type SeverityCounts = Record<Severity, number>;

export interface OpenPortsPoint extends SeverityCounts {
  /** UTC midnight, epoch milliseconds. */
  day: number;
}

export function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/**
 * Open ports graded at the end of each day of the window, by severity, across the organisation's
 * live assets: for every day, each asset's latest grade snapshot as of that day, its findings counted
 * by severity in SQL.
 */
export async function getOpenPortsTrend(ctx: OrgScope, days: number, now: Date = new Date()): Promise<OpenPortsPoint[]> {
  const since = windowStart(days, now);
  const rows = await db.$queryRaw<{ day: Date; severity: string; n: number }[]>`
    WITH days AS (
      SELECT generate_series(${since}::timestamp, date_trunc('day', ${now}::timestamp), interval '1 day') AS "day"
    ), latest AS (
      SELECT d."day", s."findings"
      FROM days d
      JOIN "Asset" a ON a."organizationId" = ${ctx.organizationId} AND a."deletedAt" IS NULL AND ${memberCheck(ctx)}
      CROSS JOIN LATERAL (
        SELECT g."findings" FROM "GradeSnapshot" g
        WHERE g."organizationId" = a."organizationId" AND g."assetId" = a."id" AND g."createdAt" < d."day" + interval '1 day'
        ORDER BY g."createdAt" DESC LIMIT 1
      ) s
    )
    SELECT l."day", f->>'severity' AS "severity", count(*)::int AS "n"
    FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l."findings"->'findings') f
    GROUP BY 1, 2`;
  const byDay = new Map<number, OpenPortsPoint>();
  for (let t = since.getTime(); t <= now.getTime(); t += 24 * 3600 * 1000) byDay.set(t, { day: t, ...emptyCounts() });
  for (const row of rows) {
    const point = byDay.get(asUtcDay(row.day));
    if (point && isSeverity(row.severity)) point[row.severity] += row.n;
  }
  return [...byDay.values()];
}

export { SEVERITIES };
