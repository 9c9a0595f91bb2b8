/** Test data in the observed-service contract's shape (lib/scanner/observed-service.ts), declared once for every suite. */
import type { ObservedPort, TlsInfo } from "@/lib/scanner";

/** An open TCP port on 192.0.2.10 (TEST-NET-1) where nothing is known yet but what the overrides say. */
export function observedPort<T extends Partial<ObservedPort>>(
  overrides: T & Pick<ObservedPort, "port">,
): ObservedPort & T {
  return {
    ip: "192.0.2.10",
    protocol: "tcp",
    state: "open",
    typicalService: null,
    pendingClassification: false,
    detectedService: null,
    product: null,
    version: null,
    versionRevision: null,
    tls: null,
    banner: null,
    facts: {},
    ...overrides,
  };
}

/** A valid TLS 1.3 handshake with a CA-issued certificate for example.test. */
export function tlsInfo(overrides: Partial<TlsInfo> = {}): TlsInfo {
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
