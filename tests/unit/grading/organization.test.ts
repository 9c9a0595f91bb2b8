import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeOrganization, ORG_WORST_ASSET_MARGIN, type AssetScoreInput } from "@/lib/grading";

const assets = (...scores: number[]) => scores.map((score, i) => ({ id: `asset-${i}`, score }));

const assetScores = fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), score: fc.integer({ min: 0, max: 100 }) }),
  { selector: (a) => a.id, minLength: 1, maxLength: 30 },
);

describe("organisation grade examples", () => {
  it("an organisation with one asset has that asset's score", () => {
    expect(gradeOrganization(assets(65))).toMatchObject({ score: 65, grade: "D", assetCount: 1 });
  });

  it("worse assets weigh more: one D among three perfect assets pulls below the plain mean", () => {
    // weights: (200-65)/100 = 1.35 and 1.0 × 3 → (1.35×65 + 3×100) / 4.35 = 89.14; plain mean would be 91.25.
    const result = gradeOrganization(assets(65, 100, 100, 100));
    expect(result.weightedMean).toBeCloseTo(89.14, 2);
    // …and the worst asset + 20 = 85 is lower still.
    expect(result).toMatchObject({
      score: 85,
      grade: "B",
      worstAsset: { id: "asset-0", score: 65 },
      worstAssetCeiling: 85,
    });
  });

  it("one wide-open asset keeps the organisation at F however many clean assets it has", () => {
    expect(gradeOrganization(assets(0, ...Array<number>(99).fill(100)))).toMatchObject({ score: 20, grade: "F" });
  });

  it("no assets yet: default A, flagged by assetCount 0", () => {
    expect(gradeOrganization([])).toMatchObject({
      score: 100,
      grade: "A",
      assetCount: 0,
      weightedMean: null,
      worstAsset: null,
    });
  });

  it("refuses scores outside 0–100 and missing ids", () => {
    expect(() => gradeOrganization(assets(101))).toThrow(/Invalid asset scores[\s\S]*score/);
    expect(() => gradeOrganization([{ id: "", score: 50 }])).toThrow(/id/);
    expect(() => gradeOrganization(assets(50.5))).toThrow(/score/);
  });
});

describe("organisation grade properties", () => {
  it("does not depend on the order of assets", () => {
    fc.assert(
      fc.property(
        assetScores.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))),
        ([original, shuffled]) => {
          expect(gradeOrganization(shuffled)).toEqual(gradeOrganization(original));
        },
      ),
    );
  });

  it("improving any asset never lowers the organisation's score", () => {
    fc.assert(
      fc.property(
        assetScores.chain((a) =>
          fc.tuple(fc.constant(a), fc.nat({ max: a.length - 1 }), fc.integer({ min: 0, max: 100 })),
        ),
        ([list, index, better]) => {
          fc.pre(better > list[index]!.score);
          const improved: AssetScoreInput[] = list.map((a, i) => (i === index ? { ...a, score: better } : a));
          expect(gradeOrganization(improved).score).toBeGreaterThanOrEqual(gradeOrganization(list).score);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lies between the worst and best asset, and within the margin of the worst", () => {
    fc.assert(
      fc.property(assetScores, (list) => {
        const scores = list.map((a) => a.score);
        const { score } = gradeOrganization(list);
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(score).toBeLessThanOrEqual(Math.max(...scores));
        expect(score).toBeLessThanOrEqual(Math.min(...scores) + ORG_WORST_ASSET_MARGIN);
      }),
    );
  });
});
