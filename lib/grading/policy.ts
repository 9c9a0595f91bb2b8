/**
 * Every number of the method in one place. docs/grading.md publishes these values;
 * tests/unit/grading/documentation.test.ts fails when the two disagree.
 */
import type { Grade, Severity } from "./types";

export const SEVERITY_ORDER: readonly Severity[] = ["info", "low", "medium", "high", "critical"];

/** Points a finding of each severity deducts before extras and diminishing returns. */
export const BASE_DEDUCTION: Readonly<Record<Severity, number>> = {
  critical: 35,
  high: 20,
  medium: 8,
  low: 3,
  info: 0,
};

/** Highest score an asset can have while it has at least one finding of that severity. */
export const SEVERITY_CEILING: Readonly<Partial<Record<Severity, number>>> = {
  critical: 69, // at most D
  high: 79, // at most C
};

/** No single finding deducts more than this, whatever its extras. */
export const MAX_FINDING_DEDUCTION = 50;

/**
 * Weights of the 1st, 2nd, ... finding of the same kind (same rule) on one asset, largest deduction
 * first. Powers of two keep every sum exact in binary floating point, so rounding never depends on
 * the order findings arrive in. Findings beyond the list still appear, with weight 0.
 */
export const DIMINISHING_WEIGHTS: readonly number[] = [1, 1 / 2, 1 / 4, 1 / 8, 1 / 16];

export const EXTRA_DEDUCTION = {
  /** Detected service belongs to a different family than the port's registered one. */
  serviceMismatch: 4,
  /** The service let the scanner in without credentials (VNC "None", anonymous MQTT, Redis without password). */
  unauthenticatedAccess: 5,
  /** Certificate past its validTo (or before its validFrom) at `asOf`. */
  tlsExpired: 5,
  tlsSelfSigned: 3,
  /** SSLv2, SSLv3, TLS 1.0 or TLS 1.1 negotiated. */
  tlsDeprecatedProtocol: 5,
  /** Points per decade of bandwidth amplification factor: round(5 × log10(factor)). */
  amplificationPerDecade: 5,
} as const;

/** Amplification factor at or above which a UDP reflector reaches at least this severity. */
export const AMPLIFICATION_SEVERITY_BANDS: ReadonlyArray<{ minFactor: number; severity: Severity }> = [
  { minFactor: 1000, severity: "critical" },
  { minFactor: 100, severity: "high" },
  { minFactor: 20, severity: "medium" },
  { minFactor: 0, severity: "low" },
];

/** Lowest score of each letter, best first. */
export const GRADE_BANDS: ReadonlyArray<{ grade: Grade; minScore: number }> = [
  { grade: "A", minScore: 90 },
  { grade: "B", minScore: 80 },
  { grade: "C", minScore: 70 },
  { grade: "D", minScore: 60 },
  { grade: "F", minScore: 0 },
];

/** An organisation scores at most its worst asset's score plus this margin. */
export const ORG_WORST_ASSET_MARGIN = 20;
