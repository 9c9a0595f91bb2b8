/** Scanner output → grading input: the scanner's PortResult is already the contract, less its target. */
import { observedService } from "@/lib/scanner/observed-service";
import type { PortResult } from "@/lib/scanner/types";
import type { GradingFinding } from "./types";

export interface FindingContext {
  firstSeen?: Date;
}

export function toGradingFinding(result: PortResult, context: FindingContext = {}): GradingFinding {
  return { ip: result.ip, port: result.port, protocol: result.protocol, ...observedService(result), ...context };
}
