/**
 * Many findings of the same kind on one asset count less and less: the k-th (largest first) is
 * weighted DIMINISHING_WEIGHTS[k], and beyond the list not at all. Because the weights shrink at
 * least geometrically by half, adding a finding never lowers a kind's total, so closing a port can
 * never lower the score.
 */
import { compareFindings } from "./canonical-order";
import type { FindingAssessment } from "./assess-finding";
import { DIMINISHING_WEIGHTS } from "./policy";
import type { GradingFinding } from "./types";

export interface WeightedAssessment {
  finding: GradingFinding;
  assessment: FindingAssessment;
  /** 0-based position among findings of the same rule on this asset. */
  rank: number;
  weight: number;
}

export function applyDiminishingReturns(
  items: ReadonlyArray<{ finding: GradingFinding; assessment: FindingAssessment }>,
): WeightedAssessment[] {
  const byRule = new Map<string, { finding: GradingFinding; assessment: FindingAssessment }[]>();
  for (const item of items) {
    const group = byRule.get(item.assessment.ruleId) ?? [];
    group.push(item);
    byRule.set(item.assessment.ruleId, group);
  }
  const weighted: WeightedAssessment[] = [];
  for (const group of byRule.values()) {
    group.sort(
      (a, b) => b.assessment.rawDeduction - a.assessment.rawDeduction || compareFindings(a.finding, b.finding),
    );
    group.forEach((item, rank) => weighted.push({ ...item, rank, weight: DIMINISHING_WEIGHTS[rank] ?? 0 }));
  }
  return weighted.sort((a, b) => compareFindings(a.finding, b.finding));
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

function fraction(weight: number): string {
  return weight === 1 ? "1" : `1/${Math.round(1 / weight)}`;
}

/** Sentence appended to a finding's reason when diminishing returns changed its deduction. */
export function diminishingNote(rank: number, weight: number, rawDeduction: number): string {
  if (rank === 0 || rawDeduction === 0) return "";
  const position = `the ${ordinal(rank + 1)} finding of this kind on this asset`;
  if (weight === 0) return ` Not deducted again: ${position}.`;
  return ` Counts ${fraction(weight)} of its ${rawDeduction} points as ${position}.`;
}
