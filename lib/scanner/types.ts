/**
 * Public types of the scanner engine. `lib/scanner` imports neither Next.js nor Prisma:
 * the CLI, the background functions and the tests all consume these shapes.
 */

import type { ObservedPort, ObservedService } from "./observed-service";

export type { Protocol, PortState, TlsInfo, ServiceFacts, ObservedService, ObservedPort } from "./observed-service";

/** What the port itself answered. */
export type Detection = Pick<
  ObservedService,
  "detectedService" | "product" | "version" | "versionRevision" | "tls" | "banner" | "facts"
>;

/** What a port most likely runs (lib/scanner/typical-services), and what IANA registers for it. */
export type TypicalService = Pick<ObservedService, "typicalService" | "pendingClassification"> & {
  /** IANA's entry for the port, null when unassigned or reserved. */
  ianaService: IanaService | null;
};

/** IANA's own registration of a port (evidence shown beside the typical service). */
export interface IanaService {
  /** IANA service name, lower case (e.g. "ms-v-worlds" for 2525/tcp). */
  name: string;
  /** IANA's description of the registration; may be empty. */
  description: string;
}

/**
 * One line of `scan --json`: an observed port, the target it was found for, and IANA's entry for the
 * port. ianaService follows from port and protocol alone (lib/scanner/iana.ts), so storage does not keep it.
 */
export interface PortResult extends ObservedPort, Pick<TypicalService, "ianaService"> {
  /** What the user asked for: a domain name or an IP literal. */
  target: string;
}

/** A host that answers on every probed port (CDN edge, SYN proxy): reported instead of its ports. */
export interface CatchAllHost {
  target: string;
  ip: string;
  probedPorts: number[];
}

export interface ResolvedAddress {
  ip: string;
  family: 4 | 6;
  /** Host name this address came from (the domain, its www. host or an MX host). */
  hostname: string;
  /** True for addresses found through optional discovery (www., MX) rather than the target itself. */
  discovered: boolean;
}

export type TargetRefusalReason = "invalid-target" | "unresolvable" | "non-public-address";

export class TargetRefusedError extends Error {
  constructor(
    readonly target: string,
    readonly reason: TargetRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "TargetRefusedError";
  }
}

/** An address a target resolved to that the policy refused, while other addresses stayed scannable. */
export interface RefusedAddress {
  target: string;
  hostname: string;
  ip: string;
  reason: string;
}

export interface ScanProgress {
  hostsDone: number;
  hostsTotal: number;
  portsScanned: number;
  portsTotal: number;
  openFound: number;
}
