/**
 * One open port → severity, points and a human reason, before diminishing returns.
 * Order of decisions: which name is assessed (detected beats typical), which rule grades it
 * (refined by product, TLS, redirect, open resolver), then extras (amplification, open access, mismatch, TLS),
 * then the cap.
 */
import { amplificationFor } from "./amplification";
import { BASE_DEDUCTION, EXTRA_DEDUCTION, MAX_FINDING_DEDUCTION } from "./policy";
import { familyOfService, normaliseServiceName, ruleById, ruleForService } from "./rule-index";
import { OTHER_SERVICE_RULE, PENDING_RULE, type ServiceRule } from "./service-rules";
import { worseSeverity } from "./severity";
import { tlsAdjustments } from "./tls-checks";
import type { Adjustment, AssessmentBasis, GradingFinding, Severity } from "./types";

export interface FindingAssessment {
  ruleId: string;
  severity: Severity;
  /** Reason without the diminishing-returns note (added when the asset is scored). */
  reason: string;
  rawDeduction: number;
  assessedService: string | null;
  basis: AssessmentBasis;
  adjustments: Adjustment[];
}

/** Data stores that speak HTTP: the product name says more than "http" does. */
const HTTP_PRODUCT_SERVICES: ReadonlyArray<{ pattern: RegExp; service: string }> = [
  { pattern: /elasticsearch|opensearch/i, service: "elasticsearch" },
  { pattern: /couchdb/i, service: "couchdb" },
  { pattern: /docker/i, service: "docker" },
  { pattern: /kubelet/i, service: "kubelet" },
  { pattern: /\betcd\b/i, service: "etcd" },
];

function chooseService(f: GradingFinding): { name: string | null; basis: AssessmentBasis } {
  const detected = normaliseServiceName(f.detectedService);
  if (detected !== null) return { name: detected, basis: "detected" };
  const typical = normaliseServiceName(f.typicalService);
  if (typical !== null && !f.pendingClassification) return { name: typical, basis: "typical" };
  return { name: null, basis: "pending" };
}

function refineByProduct(name: string, rule: ServiceRule, product: string | null): string {
  if (rule.family !== "web" || product === null) return name;
  return HTTP_PRODUCT_SERVICES.find((p) => p.pattern.test(product))?.service ?? name;
}

function chooseRule(name: string, f: GradingFinding): ServiceRule {
  let rule = ruleForService(name) ?? OTHER_SERVICE_RULE;
  if (f.tls !== null && rule.withTls !== undefined) rule = ruleById(rule.withTls);
  if (rule.id === "http" && f.facts.redirectsToHttps === true) rule = ruleById("http-redirect");
  if (rule.id === "dns" && f.facts.recursionAvailable === true) rule = ruleById("dns-open-resolver");
  return rule;
}

/** Only a registration this method recognises says what the port is expected to run. */
function mismatchNote(
  f: GradingFinding,
  rule: ServiceRule,
  basis: AssessmentBasis,
  assessed: string | null,
): string | null {
  if (basis !== "detected" || f.pendingClassification) return null;
  const typical = normaliseServiceName(f.typicalService);
  if (typical === null || ruleForService(typical) === undefined) return null;
  if (familyOfService(typical) === rule.family) return null;
  return `${assessed ?? "another service"} answers on a port registered for ${typical}`;
}

function describe(rule: ServiceRule, service: string | null, f: GradingFinding): string {
  const where = `${f.port}/${f.protocol}`;
  const label = rule === OTHER_SERVICE_RULE ? `Service "${service}"` : rule.label;
  return `${label} reachable from the internet on ${where}: ${rule.risk}.`;
}

export function assessFinding(f: GradingFinding, asOf: Date): FindingAssessment {
  const chosen = chooseService(f);
  let rule = PENDING_RULE;
  let assessedService: string | null = null;
  if (chosen.name !== null) {
    const byName = ruleForService(chosen.name) ?? OTHER_SERVICE_RULE;
    assessedService = chosen.basis === "detected" ? refineByProduct(chosen.name, byName, f.product) : chosen.name;
    rule = chooseRule(assessedService, f);
  }

  let severity = rule.severity;
  const extras: Adjustment[] = [];
  const amplification = f.protocol === "udp" ? amplificationFor(rule.id) : null;
  if (amplification) {
    severity = worseSeverity(severity, amplification.severity);
    extras.push({
      kind: "amplification",
      points: amplification.points,
      note: `UDP reflector with a published amplification factor of ${amplification.factor}`,
    });
  }
  if (f.facts.unauthenticatedAccess === true && chosen.basis === "detected") {
    // Proven, not assumed: the service itself let the scanner in without credentials.
    severity = "critical";
    extras.push({
      kind: "unauthenticated-access",
      points: EXTRA_DEDUCTION.unauthenticatedAccess,
      note:
        "it let the scanner in without credentials" +
        (f.facts.authenticationMethods?.includes("None") ? " (VNC security type None)" : ""),
    });
  }
  const mismatch = mismatchNote(f, rule, chosen.basis, assessedService);
  if (mismatch) extras.push({ kind: "service-mismatch", points: EXTRA_DEDUCTION.serviceMismatch, note: mismatch });
  if (f.tls !== null) extras.push(...tlsAdjustments(f.tls, asOf));

  const adjustments: Adjustment[] = [
    { kind: "service", points: BASE_DEDUCTION[severity], note: `${severity} severity` },
    ...extras,
  ];
  const uncapped = adjustments.reduce((sum, a) => sum + a.points, 0);
  if (uncapped > MAX_FINDING_DEDUCTION) {
    adjustments.push({
      kind: "finding-cap",
      points: MAX_FINDING_DEDUCTION - uncapped,
      note: `one finding deducts at most ${MAX_FINDING_DEDUCTION} points`,
    });
  }
  const rawDeduction = Math.min(uncapped, MAX_FINDING_DEDUCTION);
  // A finding that costs points is never presented as merely informational.
  if (rawDeduction > 0) severity = worseSeverity(severity, "low");

  let reason = describe(rule, assessedService, f);
  if (chosen.basis === "typical") reason += ` Graded by the port's registered service: its answer was not identified.`;
  if (extras.length > 0) reason += ` Extra: ${extras.map((a) => `${a.note} (+${a.points})`).join("; ")}.`;
  if (uncapped > MAX_FINDING_DEDUCTION) reason += ` Capped at ${MAX_FINDING_DEDUCTION} points.`;

  return { ruleId: rule.id, severity, reason, rawDeduction, assessedService, basis: chosen.basis, adjustments };
}
