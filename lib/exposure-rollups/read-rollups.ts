import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { membershipSql } from "@/lib/authz/membership-sql";
import { db } from "@/lib/db/client";
import type { SeverityCounts } from "./severity-counts";
import { readServiceCounts, type ServiceCount } from "./service-counts";
import { dayKey, daysBetween, utcDay } from "./utc-day";

/** Rollups are read by members who may read the organisation's assets. */
export type RollupContext = OrgContext<"assets:read">;

/** An asset's grade at the end of a UTC day. */
export interface AssetDailyScore {
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  grade: string;
  score: number;
}

export interface OrgDailyPoint extends AssetDailyScore, SeverityCounts {
  assetCount: number;
}

const COUNT_COLUMNS = {
  openPorts: true,
  critical: true,
  high: true,
  medium: true,
  low: true,
  info: true,
  ungraded: true,
} as const;

/**
 * One point per UTC day from `since` to `until` (default now) for the organisation: its grade and open
 * ports by severity at the end of that day. A day without a regrade repeats the day before; days before
 * the first regrade are left out. Reads the rollup only (one indexed range scan), never the history.
 */
export async function readOrgDailyRollup(
  ctx: RollupContext,
  range: { since: Date; until?: Date },
): Promise<OrgDailyPoint[]> {
  const until = range.until ?? new Date();
  const since = utcDay(range.since);
  const [before, rows] = await Promise.all([
    db.organizationDailyRollup.findFirst({
      where: { ...inOrganization(ctx, "assets:read"), day: { lt: since } },
      orderBy: { day: "desc" },
      select: { day: true, grade: true, score: true, assetCount: true, ...COUNT_COLUMNS },
    }),
    db.organizationDailyRollup.findMany({
      where: { ...inOrganization(ctx, "assets:read"), day: { gte: since, lte: utcDay(until) } },
      orderBy: { day: "asc" },
      select: { day: true, grade: true, score: true, assetCount: true, ...COUNT_COLUMNS },
    }),
  ]);
  return carryForward(since, until, before, rows);
}

export interface OrgRollupAsOf extends OrgDailyPoint {
  /** Open ports by typical service, detected service and Pending classification (catch-all hosts left out). */
  services: ServiceCount[];
}

/**
 * The organisation's rollup in force at the end of each of `days` (UTC), in the same order: the row of
 * the last day on or before it with a regrade, or null before the first. One statement of index probes
 * on (organizationId, day), never the history: the overview reads now, 7 and 30 days ago on every view.
 */
export async function readOrgRollupsAsOf(ctx: RollupContext, days: readonly Date[]): Promise<(OrgRollupAsOf | null)[]> {
  const rows = await db.$queryRaw<
    ({ i: number; day: Date; services: unknown } & Omit<OrgRollupAsOf, "day" | "services">)[]
  >`
    SELECT x."i"::int AS "i", r."day", r."grade", r."score", r."assetCount", r."services", r."openPorts",
      r."critical", r."high", r."medium", r."low", r."info", r."ungraded"
    FROM unnest(${days.map((d) => dayKey(utcDay(d)))}::date[]) WITH ORDINALITY AS x("day", "i")
    JOIN LATERAL (
      SELECT * FROM "OrganizationDailyRollup" AS r
      WHERE r."organizationId" = ${ctx.organizationId} AND r."day" <= x."day"
      ORDER BY r."day" DESC LIMIT 1
    ) AS r ON TRUE
    WHERE ${membershipSql(ctx, "assets:read")}`;
  const byIndex = new Map(
    rows.map(({ i, day, services, ...counts }) => [
      i,
      { ...counts, day: dayKey(day), services: readServiceCounts(services) },
    ]),
  );
  return days.map((_, index) => byIndex.get(index + 1) ?? null);
}

/** The organisation's rollup in force at the end of `day` (UTC), or null before its first regrade. */
export async function readOrgRollupAsOf(ctx: RollupContext, day: Date): Promise<OrgRollupAsOf | null> {
  const [rollup] = await readOrgRollupsAsOf(ctx, [day]);
  return rollup ?? null;
}

/**
 * Daily grades per asset (for sparklines and the asset page's history), keyed by asset id: only the
 * score columns are read, as every reader draws a score line. Asset ids
 * of another organisation are simply absent: the organisation is part of the `where`.
 */
export async function readAssetDailyScores(
  ctx: RollupContext,
  range: { assetIds: readonly string[]; since: Date; until?: Date },
): Promise<Map<string, AssetDailyScore[]>> {
  const result = new Map<string, AssetDailyScore[]>();
  if (range.assetIds.length === 0) return result;
  const until = range.until ?? new Date();
  const since = utcDay(range.since);
  const assetIds = [...new Set(range.assetIds)];
  // One statement on the (assetId, day) key: each asset's last row before the range (an index probe per
  // asset, so the series starts with the right value) and its rows in the range. Prisma's `distinct`
  // would fetch every older row and drop them in JavaScript.
  const rows = await db.$queryRaw<{ assetId: string; day: Date; grade: string; score: number }[]>`
    SELECT b."assetId", b."day", b."grade", b."score"
    FROM unnest(${assetIds}::text[]) AS x("id")
    JOIN LATERAL (
      SELECT r."assetId", r."day", r."grade", r."score" FROM "AssetDailyRollup" AS r
      WHERE r."assetId" = x."id" AND r."organizationId" = ${ctx.organizationId} AND r."day" < ${dayKey(since)}::date
      ORDER BY r."day" DESC LIMIT 1
    ) AS b ON TRUE
    WHERE ${membershipSql(ctx, "assets:read")}
    UNION ALL
    SELECT r."assetId", r."day", r."grade", r."score" FROM "AssetDailyRollup" AS r
    WHERE r."assetId" = ANY(${assetIds}::text[]) AND r."organizationId" = ${ctx.organizationId}
      AND r."day" >= ${dayKey(since)}::date AND r."day" <= ${dayKey(until)}::date AND ${membershipSql(ctx, "assets:read")}
    ORDER BY "assetId", "day"`;
  const before = new Map<string, (typeof rows)[number]>();
  const byAsset = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.day < since) before.set(row.assetId, row);
    else {
      const list = byAsset.get(row.assetId);
      if (list) list.push(row);
      else byAsset.set(row.assetId, [row]);
    }
  }
  for (const assetId of assetIds) {
    const series = carryForward(since, until, before.get(assetId) ?? null, byAsset.get(assetId) ?? []);
    if (series.length > 0)
      result.set(
        assetId,
        series.map(({ assetId: _omit, ...point }) => point),
      );
  }
  return result;
}

function carryForward<R extends { day: Date }>(
  since: Date,
  until: Date,
  before: R | null,
  rows: readonly R[],
): (Omit<R, "day"> & { day: string })[] {
  const byDay = new Map(rows.map((row) => [dayKey(row.day), row]));
  const points: (Omit<R, "day"> & { day: string })[] = [];
  let last: R | null = before;
  for (const day of daysBetween(since, until)) {
    last = byDay.get(day) ?? last;
    if (last) points.push({ ...last, day });
  }
  return points;
}
