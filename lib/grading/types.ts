/**
 * Public types of the Open Ports grading method. `lib/grading` is pure: no I/O, no clock, no
 * framework. The same input always yields the same output, which is what makes a grade reproducible.
 */
import type { ObservedPort } from "@/lib/scanner/observed-service";

export type Severity = "critical" | "high" | "medium" | "low" | "info";

/** SecurityScorecard-style bands without E: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below. */
export type Grade = "A" | "B" | "C" | "D" | "F";

/** What the severity was derived from: the port's own answer, its IANA registration, or neither. */
export type AssessmentBasis = "detected" | "typical" | "pending";

/**
 * One port of one asset, as the grader needs it: the observed-service contract (a scanner PortResult or
 * a stored interval mapped with observedPortOfInterval) and, for display, when it was first seen.
 */
export type GradingFinding = ObservedPort & {
  /** Carried through for display; age does not change the grade (see docs/grading.md). */
  firstSeen?: Date;
};

export interface GradingInput {
  findings: readonly GradingFinding[];
  /** IPs that answer on every probed port (CDN edge, SYN proxy). Their port findings are not graded. */
  catchAllHosts?: readonly string[];
}

export interface GradingOptions {
  /** The moment the grade describes (normally the scan's end). Certificate expiry is judged against it. */
  asOf: Date;
}

export type AdjustmentKind =
  | "service"
  | "amplification"
  | "service-mismatch"
  | "unauthenticated-access"
  | "tls-expired"
  | "tls-self-signed"
  | "tls-deprecated-protocol"
  | "finding-cap";

/** One line of a finding's deduction arithmetic; `points` add up to `rawDeduction`. */
export interface Adjustment {
  kind: AdjustmentKind;
  points: number;
  note: string;
}

export interface GradedFinding {
  finding: GradingFinding;
  /** Identifier of the rule that graded it: findings with the same ruleId are "the same kind". */
  ruleId: string;
  severity: Severity;
  /** Human explanation, including every extra deduction and the diminishing-returns weight. */
  reason: string;
  /** This finding's contribution to the score: rawDeduction × weight. */
  deduction: number;
  /** Points before diminishing returns (service + extras, capped). */
  rawDeduction: number;
  /** 1, 1/2, 1/4, 1/8, 1/16 for the 1st..5th finding of its kind on the asset, then 0. */
  weight: number;
  assessedService: string | null;
  basis: AssessmentBasis;
  adjustments: Adjustment[];
}

/** A port that is part of the input but not graded (closed, filtered, silent UDP, on a catch-all host). */
export interface UngradedFinding {
  finding: GradingFinding;
  reason: string;
}

export interface CatchAllAssessment {
  ip: string;
  severity: "info";
  deduction: 0;
  reason: string;
}

export interface ScoreCeiling {
  score: number;
  reason: string;
}

export interface AssetGrade {
  methodVersion: string;
  score: number;
  grade: Grade;
  /** Sum of all finding deductions (exact, before the ceiling and rounding). */
  totalDeduction: number;
  /** The lowest ceiling that applied, or null when none did. */
  ceiling: ScoreCeiling | null;
  /** Canonical order: host, protocol, port. */
  findings: GradedFinding[];
  notGraded: UngradedFinding[];
  catchAllHosts: CatchAllAssessment[];
}

export interface AssetScoreInput {
  /** Any stable identifier (asset id or domain); used only to order the output. */
  id: string;
  score: number;
}

export interface OrganizationGrade {
  methodVersion: string;
  score: number;
  grade: Grade;
  assetCount: number;
  /** Footprint-normalised mean where worse assets weigh more (weight = (200 − score) / 100). */
  weightedMean: number | null;
  worstAsset: AssetScoreInput | null;
  /** worstAsset.score + ORG_WORST_ASSET_MARGIN: the organisation never scores above it. */
  worstAssetCeiling: number | null;
}
