/**
 * Organisation grade from its assets' scores. Two published rules, both order-independent and
 * monotone (raising any asset's score never lowers the organisation's):
 *  1. footprint-normalised mean where worse assets weigh more: weight = (200 − score) / 100,
 *     so a 0-score asset counts twice as much as a perfect one;
 *  2. the organisation never scores above its worst asset + ORG_WORST_ASSET_MARGIN: one wide-open
 *     asset is one way in, however many clean assets surround it.
 */
import { gradeForScore } from "./grade-letter";
import { ORG_WORST_ASSET_MARGIN } from "./policy";
import type { AssetScoreInput, OrganizationGrade } from "./types";
import { assertAssetScores } from "./validate";
import { GRADING_METHOD_VERSION } from "./version";

function compareAssets(a: AssetScoreInput, b: AssetScoreInput): number {
  return a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function gradeOrganization(assets: readonly AssetScoreInput[]): OrganizationGrade {
  assertAssetScores(assets);
  if (assets.length === 0) {
    // Nothing exposed that we know of: the vector's default grade. Callers show "no assets yet".
    return {
      methodVersion: GRADING_METHOD_VERSION,
      score: 100,
      grade: "A",
      assetCount: 0,
      weightedMean: null,
      worstAsset: null,
      worstAssetCeiling: null,
    };
  }
  const sorted = [...assets].sort(compareAssets);
  // Integer arithmetic until the single division keeps the result exact and order-free.
  let numerator = 0;
  let denominator = 0;
  for (const { score } of sorted) {
    numerator += (200 - score) * score;
    denominator += 200 - score;
  }
  const weightedMean = numerator / denominator;
  const worst = sorted[0]!;
  const worstAssetCeiling = worst.score + ORG_WORST_ASSET_MARGIN;
  const score = Math.round(Math.min(weightedMean, worstAssetCeiling, 100));
  return {
    methodVersion: GRADING_METHOD_VERSION,
    score,
    grade: gradeForScore(score),
    assetCount: assets.length,
    weightedMean,
    worstAsset: { id: worst.id, score: worst.score },
    worstAssetCeiling,
  };
}
