/** Scanner output → grading input. Only the fields the method reads are copied. */
import type { PortResult } from "@/lib/scanner/types";
import type { GradingFinding } from "./types";

export interface FindingContext {
  httpRedirectsToHttps?: boolean;
  openResolver?: boolean;
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
    ...context,
  };
}
