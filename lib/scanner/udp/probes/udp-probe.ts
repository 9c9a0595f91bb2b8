import type { ServiceFacts } from "../../types";

/** What a UDP reply told us about the service behind the port. */
export interface UdpIdentification {
  detectedService: string;
  product: string | null;
  version: string | null;
  /** Distribution revision beside the version, when the reply states one. */
  revision?: string | null;
  facts?: ServiceFacts;
  /** Readable summary of the reply (escaped again before display). */
  summary: string | null;
}

export interface UdpProbeRound {
  /** Datagrams to send (each retransmission sends them again). */
  packets: Buffer[];
  /** Names the service from a reply, or null when the reply is not this protocol. */
  identify(reply: Buffer): UdpIdentification | null;
}

export interface UdpProbe {
  /** Ports the probe is sent to by default. */
  ports: readonly number[];
  /** Builds a fresh round with new transaction ids. */
  build(): UdpProbeRound;
}
