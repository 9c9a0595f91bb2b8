import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { memberCheck, windowStart, type OrgScope } from "./org-scope";

export interface ScorePoint {
  /** UTC midnight of the day, epoch milliseconds. */
  day: number;
  score: number;
  grade: string;
}

/**
 * A score at the end of each day it was graded, over the last `days` days, plus the grade in force
 * when the window opened (so a quiet period still draws a line). `assetId` null is the organisation's
 * own grade. Aggregated in SQL on the (organizationId, assetId, createdAt) index.
 */
export async function getScoreHistory(
  ctx: OrgScope,
  assetId: string | null,
  days: number,
  now: Date = new Date(),
): Promise<ScorePoint[]> {
  const since = windowStart(days, now);
  const ofAsset = assetId === null ? Prisma.sql`s."assetId" IS NULL` : Prisma.sql`s."assetId" = ${assetId}`;
  const rows = await db.$queryRaw<{ day: Date; score: number; grade: string }[]>`
    (SELECT ${since}::timestamp AS "day", s."score", s."grade" FROM "GradeSnapshot" s
      WHERE s."organizationId" = ${ctx.organizationId} AND ${ofAsset} AND s."createdAt" < ${since} AND ${memberCheck(ctx)}
      ORDER BY s."createdAt" DESC LIMIT 1)
    UNION ALL
    (SELECT DISTINCT ON (date_trunc('day', s."createdAt")) date_trunc('day', s."createdAt") AS "day", s."score", s."grade"
      FROM "GradeSnapshot" s
      WHERE s."organizationId" = ${ctx.organizationId} AND ${ofAsset} AND s."createdAt" >= ${since} AND ${memberCheck(ctx)}
      ORDER BY date_trunc('day', s."createdAt"), s."createdAt" DESC)`;
  return rows.map((r) => ({ day: asUtcDay(r.day), score: r.score, grade: r.grade })).sort((a, b) => a.day - b.day);
}

/** The organisation's score history. */
export function getOrgScoreTrend(ctx: OrgScope, days: number, now: Date = new Date()): Promise<ScorePoint[]> {
  return getScoreHistory(ctx, null, days, now);
}

/** A timestamp column read back as a Date whose UTC fields are the stored ones. */
export function asUtcDay(value: Date | string): number {
  const d =
    typeof value === "string"
      ? new Date(`${value.replace(" ", "T")}${/Z|[+-]\d\d:?\d\d$/.test(value) ? "" : "Z"}`)
      : value;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
