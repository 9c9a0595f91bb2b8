import crypto from "node:crypto";
import type { PortResult, ServiceFacts, TlsInfo } from "@/lib/scanner";

/**
 * What Portwatch remembers about one open port: everything the grade reads. An unchanged port only
 * moves its interval's lastSeenAt, so any field that can change the grade must be part of the
 * fingerprint, or a stale value would keep being graded.
 */
export interface ObservedService {
  state: string;
  typicalService: string | null;
  pendingClassification: boolean;
  detectedService: string | null;
  product: string | null;
  version: string | null;
  tls: TlsInfo | null;
  facts: ServiceFacts;
}

/** Ports worth an interval: reachable TCP ports, and UDP ports that answered or stayed silent. */
export function isObservedOpen(port: Pick<PortResult, "state">): boolean {
  return port.state === "open" || port.state === "open|filtered";
}

export function observedService(port: PortResult): ObservedService {
  return {
    state: port.state,
    typicalService: port.typicalService,
    pendingClassification: port.pendingClassification,
    detectedService: port.detectedService,
    product: port.product,
    version: port.version,
    tls: port.tls,
    facts: port.facts,
  };
}

/**
 * "The same service" across scans. The cipher and the banner are left out on purpose: servers may
 * rotate cipher choice, and banners often carry the time of day; neither is graded.
 */
export function serviceFingerprint(service: ObservedService): string {
  const tls = service.tls;
  const identity = [
    service.state,
    service.typicalService,
    service.pendingClassification,
    service.detectedService,
    service.product,
    service.version,
    tls
      ? [tls.protocol, tls.subject, [...tls.subjectAltNames].sort(), tls.issuer, tls.validFrom, tls.validTo, tls.selfSigned]
      : null,
    [service.facts.redirectsToHttps ?? null, service.facts.recursionAvailable ?? null],
  ];
  return crypto.createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

/** Key of a port on a host: one interval at most is open per key. */
export function portKey(port: number, protocol: string): string {
  return `${port}/${protocol.toLowerCase()}`;
}
