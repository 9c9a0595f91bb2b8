/**
 * Public types of the scanner engine. `lib/scanner` imports neither Next.js nor Prisma:
 * the CLI, the background functions and the tests all consume these shapes.
 */

export type Protocol = "tcp" | "udp";

/** open|filtered is UDP-only: silence proves nothing. */
export type PortState = "open" | "closed" | "filtered" | "open|filtered";

export interface TlsInfo {
  /** e.g. "TLSv1.3", "TLSv1" */
  protocol: string | null;
  cipher: string | null;
  subject: string | null;
  subjectAltNames: string[];
  issuer: string | null;
  validFrom: string | null; // ISO 8601
  validTo: string | null; // ISO 8601
  selfSigned: boolean;
}

/**
 * Behaviour the probes observed that changes how risky a service is. A key is absent when the probes
 * could not tell (or it does not apply to the service).
 */
export interface ServiceFacts {
  /** HTTP: a plain request was answered with a redirect to an https:// URL. */
  redirectsToHttps?: boolean;
  /** DNS: the server offers recursion to us, an outside client (RA set on a successful answer). */
  recursionAvailable?: boolean;
}

/** What the port itself answered. Service names use the IANA vocabulary (see iana.ts). */
export interface Detection {
  detectedService: string | null;
  product: string | null;
  version: string | null;
  tls: TlsInfo | null;
  /** Raw first bytes the service sent, capped and with binary bytes escaped. */
  banner: string | null;
  facts: ServiceFacts;
}

/** IANA's own registration of a port (evidence shown beside the typical service). */
export interface IanaService {
  /** IANA service name, lower case (e.g. "ms-v-worlds" for 2525/tcp). */
  name: string;
  /** IANA's description of the registration; may be empty. */
  description: string;
}

/** What a port most likely runs (lib/scanner/typical-services), and what IANA registers for it. */
export interface TypicalService {
  /** The most likely service; null when pending classification. */
  typicalService: string | null;
  /** The port's registration has fallen out of use, or there is none: nothing is expected there. */
  pendingClassification: boolean;
  /** IANA's entry for the port, null when unassigned or reserved. */
  ianaService: IanaService | null;
}

/** One line of `scan --json`. */
export interface PortResult extends Detection, TypicalService {
  /** What the user asked for: a domain name or an IP literal. */
  target: string;
  ip: string;
  port: number;
  protocol: Protocol;
  state: PortState;
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

export type TargetRefusalReason =
  | "invalid-target"
  | "unresolvable"
  | "non-public-address";

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
