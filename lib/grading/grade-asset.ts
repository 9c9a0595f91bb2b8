/** The Open Ports grade of one asset: 100 minus weighted deductions, limited by severity ceilings. */
import { assessFinding } from "./assess-finding";
import { compareFindings, findingKey } from "./canonical-order";
import { applyDiminishingReturns, diminishingNote } from "./diminishing-returns";
import { gradeForScore } from "./grade-letter";
import { SEVERITY_CEILING } from "./policy";
import { severityRank } from "./severity";
import type {
  AssetGrade,
  CatchAllAssessment,
  GradedFinding,
  GradingFinding,
  GradingInput,
  GradingOptions,
  ScoreCeiling,
  UngradedFinding,
} from "./types";
import { assertGradingInput, assertGradingOptions, GradingInputError } from "./validate";
import { GRADING_METHOD_VERSION } from "./version";

const NOT_OPEN_REASON: Record<Exclude<GradingFinding["state"], "open">, string> = {
  closed: "Closed port: nothing listens, nothing to grade.",
  filtered: "Filtered port: a firewall drops the probes, nothing is reachable.",
  "open|filtered": "UDP port that stayed silent: silence proves nothing, so it is not graded until a service answers.",
};

const CATCH_ALL_REASON =
  "Answers on every probed port (typical of CDN edges and SYN proxies), so individual ports say nothing about what really runs there. Reported, not graded.";

function catchAllAssessments(hosts: readonly string[]): CatchAllAssessment[] {
  const unique = [...new Set(hosts.map((h) => h.toLowerCase()))].sort();
  return unique.map((ip) => ({ ip, severity: "info", deduction: 0, reason: CATCH_ALL_REASON }));
}

function lowestCeiling(findings: readonly GradedFinding[]): ScoreCeiling | null {
  let ceiling: ScoreCeiling | null = null;
  for (const f of findings) {
    const limit = SEVERITY_CEILING[f.severity];
    if (limit !== undefined && (ceiling === null || limit < ceiling.score)) {
      ceiling = { score: limit, reason: `at least one ${f.severity} finding limits the score to ${limit}` };
    }
  }
  return ceiling;
}

export function gradeAsset(input: GradingInput, options: GradingOptions): AssetGrade {
  assertGradingInput(input);
  assertGradingOptions(options);

  const catchAll = catchAllAssessments(input.catchAllHosts ?? []);
  const catchAllSet = new Set(catchAll.map((c) => c.ip));
  const sorted = [...input.findings].sort(compareFindings);
  const notGraded: UngradedFinding[] = [];
  const open: { finding: GradingFinding; assessment: ReturnType<typeof assessFinding> }[] = [];

  for (let i = 0; i < sorted.length; i++) {
    const finding = sorted[i]!;
    if (i > 0 && findingKey(sorted[i - 1]!) === findingKey(finding)) {
      throw new GradingInputError(
        `Invalid grading input: port ${finding.port}/${finding.protocol} of ${finding.ip} is listed twice`,
      );
    }
    if (catchAllSet.has(finding.ip.toLowerCase())) notGraded.push({ finding, reason: CATCH_ALL_REASON });
    else if (finding.state !== "open") notGraded.push({ finding, reason: NOT_OPEN_REASON[finding.state] });
    else open.push({ finding, assessment: assessFinding(finding, options.asOf) });
  }

  const findings: GradedFinding[] = applyDiminishingReturns(open).map(({ finding, assessment, rank, weight }) => ({
    finding,
    ruleId: assessment.ruleId,
    severity: assessment.severity,
    reason: assessment.reason + diminishingNote(rank, weight, assessment.rawDeduction),
    deduction: assessment.rawDeduction * weight,
    rawDeduction: assessment.rawDeduction,
    weight,
    assessedService: assessment.assessedService,
    basis: assessment.basis,
    adjustments: assessment.adjustments,
  }));

  // Every deduction is an integer times a power of two no smaller than 1/16: these sums are exact.
  const totalDeduction = findings.reduce((sum, f) => sum + f.deduction, 0);
  const ceiling = lowestCeiling(findings);
  const unclamped = Math.min(100 - totalDeduction, ceiling?.score ?? 100);
  const score = Math.round(Math.max(0, unclamped));
  return {
    methodVersion: GRADING_METHOD_VERSION,
    score,
    grade: gradeForScore(score),
    totalDeduction,
    ceiling,
    findings,
    notGraded,
    catchAllHosts: catchAll,
  };
}

/** Most severe first, then largest deduction: the order a report should list findings in. */
export function compareBySeverity(a: GradedFinding, b: GradedFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    b.deduction - a.deduction ||
    compareFindings(a.finding, b.finding)
  );
}
