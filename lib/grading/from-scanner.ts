/** Scanner output → grading input. Only the fields the method reads are copied. */
import type { PortResult, ServiceFacts } from "@/lib/scanner/types";
import type { GradingFinding } from "./types";

export interface FindingContext {
  firstSeen?: Date;
}

export function toGradingFinding(result: PortResult, context: FindingContext = {}): GradingFinding {
  return {
    host: result.ip,
    port: result.port,
    protocol: result.protocol,
    state: result.state,
    typicalService: result.typicalService,
    detectedService: result.detectedService,
    pendingClassification: result.pendingClassification,
    product: result.product,
    version: result.version,
    tls: result.tls,
    ...gradingFacts(result.facts),
    ...context,
  };
}

/** The scanner's observations under the names the grading method uses; unknown facts stay absent. */
export function gradingFacts(facts: ServiceFacts): Pick<GradingFinding, "httpRedirectsToHttps" | "openResolver"> {
  return {
    ...(facts.redirectsToHttps === undefined ? {} : { httpRedirectsToHttps: facts.redirectsToHttps }),
    ...(facts.recursionAvailable === undefined ? {} : { openResolver: facts.recursionAvailable }),
  };
}
