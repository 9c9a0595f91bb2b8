import type { GradingFinding } from "@/lib/grading";
import { observedPort, tlsInfo } from "@/tests/helpers/observed-port";

export const AS_OF = new Date("2025-06-01T00:00:00Z");

/** An open TCP port on 192.0.2.10 (TEST-NET-1) whose answer matched its registration. */
export function finding(overrides: Partial<GradingFinding> & { port: number }): GradingFinding {
  return observedPort(overrides);
}

/** Shorthand: port whose registered and detected service are both `service`. */
export function service(service: string, port: number, overrides: Partial<GradingFinding> = {}): GradingFinding {
  return finding({ port, typicalService: service, detectedService: service, ...overrides });
}

export const tls = tlsInfo;
