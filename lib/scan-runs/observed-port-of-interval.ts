import type { PortInterval, TransportProtocol } from "@/lib/generated/prisma/client";
import type { ObservedPort, ObservedService, PortState, Protocol } from "@/lib/scanner";

/** The columns of a PortInterval that hold its observed service (what a raw read of them returns too). */
export type StoredService = Pick<
  PortInterval,
  | "state"
  | "typicalService"
  | "pendingClassification"
  | "detectedService"
  | "product"
  | "version"
  | "versionRevision"
  | "tls"
  | "banner"
  | "facts"
>;

/**
 * The one mapping from a stored PortInterval to the observed-service contract (lib/scanner/observed-service.ts).
 * The JSON columns were written from the same contract (see store-host-observations.ts), so they are
 * read back as such rather than parsed again on every read.
 */
export function observedServiceOfInterval(interval: StoredService): ObservedService {
  return {
    state: interval.state as PortState,
    typicalService: interval.typicalService,
    pendingClassification: interval.pendingClassification,
    detectedService: interval.detectedService,
    product: interval.product,
    version: interval.version,
    versionRevision: interval.versionRevision,
    tls: (interval.tls ?? null) as ObservedService["tls"],
    banner: interval.banner,
    facts: (interval.facts ?? {}) as ObservedService["facts"],
  };
}

/** A stored interval with its host's address, as the contract's ObservedPort. */
export function observedPortOfInterval(interval: PortInterval & { host: { ip: string } }): ObservedPort {
  return {
    ip: interval.host.ip,
    port: interval.port,
    protocol: protocolOfTransport(interval.protocol),
    ...observedServiceOfInterval(interval),
  };
}

export function protocolOfTransport(protocol: TransportProtocol): Protocol {
  return protocol === "UDP" ? "udp" : "tcp";
}

export function transportOfProtocol(protocol: Protocol): TransportProtocol {
  return protocol === "udp" ? "UDP" : "TCP";
}
