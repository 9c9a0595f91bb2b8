import { readAssetDailyScores, type RollupContext } from "@/lib/exposure-rollups/read-rollups";
import { windowStart } from "@/lib/dashboard/org-scope";
import { asUtcDay, type ScorePoint } from "@/lib/dashboard/score-trend";

/**
 * The asset's grade history over the last `days` days, one point per day, from the daily rollup the
 * grading step writes: the same numbers as the asset's sparkline on the overview, and a read of at most
 * `days` small rows rather than every grade snapshot. The row in force when the window opened comes
 * first, so a quiet period still draws a line.
 */
export async function getAssetScoreHistory(
  ctx: RollupContext,
  assetId: string,
  days: number,
  now: Date = new Date(),
): Promise<ScorePoint[]> {
  const series = await readAssetDailyScores(ctx, { assetIds: [assetId], since: windowStart(days, now), until: now });
  return (series.get(assetId) ?? []).map((p) => ({ day: asUtcDay(p.day), score: p.score, grade: p.grade }));
}
