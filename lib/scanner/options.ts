import type { Connector } from "./tcp/connect-outcome";
import type { TcpTiming } from "./tcp/tcp-timing";
import type { ResolveTargetOptions } from "./targets/resolve-target";
import type { ScanProgress } from "./types";
import type { UdpTiming } from "./udp/udp-scan";

export interface ScanOptions extends ResolveTargetOptions {
  /** TCP port specification (see ports/parse-port-spec.ts); default "top-1000". */
  ports?: string;
  /** Also scan UDP. */
  udp?: boolean;
  /** UDP port specification; default the ports we have service probes for. */
  udpPorts?: string;
  /** Report closed and filtered ports too, not only open (and open|filtered UDP) ones. */
  allStates?: boolean;
  timing?: Partial<TcpTiming>;
  udpTiming?: Partial<UdpTiming>;
  /** Optional cap on connection attempts plus datagrams per second, all hosts together. */
  packetsPerSecond?: number;
  /** Cap on sockets in flight for the whole scan; never above the file-descriptor budget. */
  maxInFlight?: number;
  /** Identify the service on open TCP ports (default true). */
  detection?: boolean;
  /** Detections running at once per host (default 8). */
  detectionConcurrency?: number;
  /** Deadline of one port's detection, ms (detection's own default when omitted). */
  detectionTimeoutMs?: number;
  /** Ports probed to recognise a catch-all host; default 5 random high ports. */
  catchAllProbePorts?: number[];
  /**
   * Threads per host for its TCP connect scan. Default: more than one only for large port lists on
   * hosts whose round trip is under a millisecond (loopback, fast LAN), where connect() itself is the
   * bottleneck, and only as many as the machine has cores (tcp/thread-choice.ts).
   */
  threads?: number;
  /** Hosts scanned at once by scan() (default 4). */
  hostConcurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Connect implementation; tests use it to compare the fast path with net.Socket. */
  connector?: Connector;
}
