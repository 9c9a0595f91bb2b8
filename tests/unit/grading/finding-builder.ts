import type { TlsInfo } from "@/lib/scanner/types";
import type { GradingFinding } from "@/lib/grading";

export const AS_OF = new Date("2025-06-01T00:00:00Z");

/** An open TCP port on 192.0.2.10 (TEST-NET-1) whose answer matched its registration. */
export function finding(overrides: Partial<GradingFinding> & { port: number }): GradingFinding {
  return {
    host: "192.0.2.10",
    protocol: "tcp",
    state: "open",
    typicalService: null,
    detectedService: null,
    pendingClassification: false,
    product: null,
    version: null,
    tls: null,
    ...overrides,
  };
}

/** Shorthand: port whose registered and detected service are both `service`. */
export function service(service: string, port: number, overrides: Partial<GradingFinding> = {}): GradingFinding {
  return finding({ port, typicalService: service, detectedService: service, ...overrides });
}

export function tls(overrides: Partial<TlsInfo> = {}): TlsInfo {
  return {
    protocol: "TLSv1.3",
    cipher: "TLS_AES_128_GCM_SHA256",
    subject: "CN=example.test",
    subjectAltNames: ["example.test"],
    issuer: "CN=Test CA",
    validFrom: "2025-01-01T00:00:00Z",
    validTo: "2026-01-01T00:00:00Z",
    selfSigned: false,
    ...overrides,
  };
}
