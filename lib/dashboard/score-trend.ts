import { db } from "@/lib/db/client";
import { windowStart, type OrgScope } from "./org-scope";

export interface ScorePoint {
  /** UTC midnight of the day, epoch milliseconds. */
  day: number;
  score: number;
  grade: string;
}

/**
 * The organisation's score at the end of each day it was graded, over the last `days` days, plus the
 * grade in force when the window opened (so a quiet period still draws a line). Aggregated in SQL.
 */
export async function getOrgScoreTrend(ctx: OrgScope, days: number, now: Date = new Date()): Promise<ScorePoint[]> {
  const since = windowStart(days, now);
  const rows = await db.$queryRaw<{ day: Date; score: number; grade: string }[]>`
    (SELECT ${since}::timestamp AS "day", s."score", s."grade" FROM "GradeSnapshot" s
      WHERE s."organizationId" = ${ctx.organizationId} AND s."assetId" IS NULL AND s."createdAt" < ${since}
      ORDER BY s."createdAt" DESC LIMIT 1)
    UNION ALL
    (SELECT DISTINCT ON (date_trunc('day', s."createdAt")) date_trunc('day', s."createdAt") AS "day", s."score", s."grade"
      FROM "GradeSnapshot" s
      WHERE s."organizationId" = ${ctx.organizationId} AND s."assetId" IS NULL AND s."createdAt" >= ${since}
      ORDER BY date_trunc('day', s."createdAt"), s."createdAt" DESC)`;
  return rows.map((r) => ({ day: asUtcDay(r.day), score: r.score, grade: r.grade })).sort((a, b) => a.day - b.day);
}

/** A timestamp column read back as a Date whose UTC fields are the stored ones. */
export function asUtcDay(value: Date | string): number {
  const d = typeof value === "string" ? new Date(`${value.replace(" ", "T")}${/Z|[+-]\d\d:?\d\d$/.test(value) ? "" : "Z"}`) : value;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
