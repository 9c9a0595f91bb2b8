/** The guarantees docs/grading.md promises, checked on random inputs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DIMINISHING_WEIGHTS,
  gradeAsset,
  gradeForScore,
  MAX_FINDING_DEDUCTION,
  type GradingFinding,
} from "@/lib/grading";
import { findingKey } from "@/lib/grading/canonical-order";
import { assetFindings, gradingFinding, HOSTS, newCriticalFinding } from "./arbitraries";
import { AS_OF } from "./finding-builder";

const grade = (findings: readonly GradingFinding[], catchAllHosts?: string[]) =>
  gradeAsset({ findings, catchAllHosts }, { asOf: AS_OF });

const LETTERS = "ABCDF";
const letterRank = (g: string) => LETTERS.indexOf(g);

describe("asset grade properties", () => {
  it("the same findings in any order give the same result", () => {
    fc.assert(
      fc.property(
        assetFindings.chain((fs) => fc.tuple(fc.constant(fs), fc.shuffledSubarray(fs, { minLength: fs.length }))),
        fc.subarray([...HOSTS]),
        ([original, shuffled], catchAll) => {
          expect(grade(shuffled, catchAll)).toEqual(grade(original, [...catchAll].reverse()));
        },
      ),
    );
  });

  it("closing a port (removing its finding) never lowers the score or the letter", () => {
    fc.assert(
      fc.property(
        assetFindings
          .filter((fs) => fs.length > 0)
          .chain((fs) => fc.tuple(fc.constant(fs), fc.nat({ max: fs.length - 1 }))),
        ([findings, index]) => {
          const before = grade(findings);
          const removed = grade(findings.filter((_, i) => i !== index));
          const closed = grade(findings.map((f, i) => (i === index ? { ...f, state: "closed" as const } : f)));
          for (const after of [removed, closed]) {
            expect(after.score).toBeGreaterThanOrEqual(before.score);
            expect(after.totalDeduction).toBeLessThanOrEqual(before.totalDeduction);
            expect(letterRank(after.grade)).toBeLessThanOrEqual(letterRank(before.grade));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("opening any port never raises the score", () => {
    fc.assert(
      fc.property(assetFindings, gradingFinding, (findings, extra) => {
        fc.pre(!findings.some((f) => findingKey(f) === findingKey(extra)));
        expect(grade([...findings, extra]).score).toBeLessThanOrEqual(grade(findings).score);
        expect(grade([...findings, extra]).totalDeduction).toBeGreaterThanOrEqual(grade(findings).totalDeduction);
      }),
      { numRuns: 300 },
    );
  });

  it("opening a critical port never raises the score, and leaves at most a D", () => {
    fc.assert(
      fc.property(
        assetFindings.chain((fs) => fc.tuple(fc.constant(fs), newCriticalFinding(fs))),
        ([findings, critical]) => {
          const before = grade(findings);
          const after = grade([...findings, critical]);
          expect(after.score).toBeLessThanOrEqual(before.score);
          expect(after.score).toBeLessThanOrEqual(69);
          expect(letterRank(after.grade)).toBeGreaterThanOrEqual(letterRank("D"));
        },
      ),
    );
  });

  it("scores are whole numbers from 0 to 100 whose letter follows the published bands", () => {
    fc.assert(
      fc.property(assetFindings, (findings) => {
        const result = grade(findings);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.grade).toBe(gradeForScore(result.score));
        expect(result.score).toBe(
          Math.max(0, Math.round(Math.min(100 - result.totalDeduction, result.ceiling?.score ?? 100))),
        );
      }),
    );
  });

  it("every deduction is reproducible from the finding's own numbers", () => {
    fc.assert(
      fc.property(assetFindings, (findings) => {
        const result = grade(findings);
        const open = findings.filter((f) => f.state === "open");
        expect(result.findings.length + result.notGraded.length).toBe(findings.length);
        expect(result.findings).toHaveLength(open.length);
        let total = 0;
        for (const f of result.findings) {
          expect(f.rawDeduction).toBeLessThanOrEqual(MAX_FINDING_DEDUCTION);
          expect(f.adjustments.reduce((sum, a) => sum + a.points, 0)).toBe(f.rawDeduction);
          expect([...DIMINISHING_WEIGHTS, 0]).toContain(f.weight);
          expect(f.deduction).toBe(f.rawDeduction * f.weight);
          if (f.rawDeduction > 0) expect(f.severity).not.toBe("info");
          total += f.deduction;
        }
        expect(result.totalDeduction).toBe(total);
      }),
    );
  });

  it("within a kind, the k-th largest deduction gets the k-th weight", () => {
    fc.assert(
      fc.property(assetFindings, (findings) => {
        const byRule = new Map<string, { raw: number; weight: number }[]>();
        for (const f of grade(findings).findings) {
          byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), { raw: f.rawDeduction, weight: f.weight }]);
        }
        for (const group of byRule.values()) {
          const byWeight = [...group].sort((a, b) => b.weight - a.weight);
          expect(byWeight.map((g) => g.weight)).toEqual(group.map((_, k) => DIMINISHING_WEIGHTS[k] ?? 0));
          for (let k = 1; k < byWeight.length; k++) expect(byWeight[k]!.raw).toBeLessThanOrEqual(byWeight[k - 1]!.raw);
        }
      }),
    );
  });

  it("ceilings hold: any critical finding → at most 69, any high → at most 79", () => {
    fc.assert(
      fc.property(assetFindings, (findings) => {
        const result = grade(findings);
        const severities = new Set(result.findings.map((f) => f.severity));
        if (severities.has("critical")) expect(result.score).toBeLessThanOrEqual(69);
        if (severities.has("high")) expect(result.score).toBeLessThanOrEqual(79);
        if (!severities.has("critical") && !severities.has("high")) expect(result.ceiling).toBeNull();
      }),
    );
  });

  it("ports on catch-all hosts never count", () => {
    fc.assert(
      fc.property(assetFindings, fc.constantFrom(...HOSTS), (findings, cdn) => {
        const withCatchAll = grade(findings, [cdn]);
        const withoutThatHost = grade(findings.filter((f) => f.ip !== cdn));
        expect(withCatchAll.score).toBe(withoutThatHost.score);
        expect(withCatchAll.findings).toEqual(withoutThatHost.findings);
      }),
    );
  });
});
