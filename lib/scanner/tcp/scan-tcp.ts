import type { CatchAllHost } from "../types";
import type { Connector } from "./connect-outcome";
import { pickCatchAllProbePorts } from "./catch-all";
import { createDefaultConnector } from "./default-connector";
import { scanHostTcp, type HostScanStats, type TcpPortState } from "./host-scanner";
import type { InFlightBudget } from "./inflight-budget";
import { scanHostTcpParallel, type ThreadPlan } from "./parallel-scan";
import { PortStates } from "./port-states";
import type { RateLimiter } from "./rate-limiter";
import { RttEstimator } from "./rtt-estimator";
import type { TcpTiming } from "./tcp-timing";
import { chooseThreads } from "./thread-choice";

export interface TcpScanInput {
  target: string;
  ip: string;
  family: 4 | 6;
  ports: readonly number[];
  timing: TcpTiming;
  budget: InFlightBudget;
  rateLimiter?: RateLimiter | null;
  connector?: Connector;
  signal?: AbortSignal;
  /** Random high ports probed first; default 5 random ones. Empty disables the check. */
  catchAllProbePorts?: readonly number[];
  /** The check only runs when at least this many ports are requested (default 100). */
  catchAllMinPorts?: number;
  /**
   * Threads for this host's scan (see parallel-scan.ts). Default: chosen from the port count and the
   * measured round trip (thread-choice.ts), using cores from `spareCores`. Forced to 1 under a
   * packet-rate cap; the default is 1 with a caller's own connector, which workers cannot use.
   */
  threads?: number;
  spareCores?: InFlightBudget;
  onPortState?: (port: number, state: TcpPortState) => void;
}

export interface TcpScanOutput {
  states: PortStates;
  catchAll: CatchAllHost | null;
  stats: HostScanStats | null;
}

/** Catch-all check, then the connect scan proper, sharing one round-trip estimator. */
export async function scanTcp(input: TcpScanInput): Promise<TcpScanOutput> {
  const connector = input.connector ?? createDefaultConnector();
  try {
    return await scanWith(connector, input);
  } finally {
    if (!input.connector) connector.dispose?.();
  }
}

async function scanWith(connector: Connector, input: TcpScanInput): Promise<TcpScanOutput> {
  const rtt = new RttEstimator(input.timing);
  const common = {
    ip: input.ip,
    family: input.family,
    connector,
    budget: input.budget,
    rateLimiter: input.rateLimiter,
    signal: input.signal,
    rtt,
  };

  const probePorts =
    input.ports.length >= (input.catchAllMinPorts ?? 100)
      ? (input.catchAllProbePorts ?? pickCatchAllProbePorts(5))
      : [];
  if (probePorts.length > 0) {
    const probe = await scanHostTcp({ ...common, ports: probePorts, timing: { ...input.timing, maxRetries: 0 } });
    if (probePorts.every((port) => probe.states.get(port) === "open")) {
      return {
        states: new PortStates(),
        catchAll: { target: input.target, ip: input.ip, probedPorts: [...probePorts] },
        stats: probe.stats,
      };
    }
  }
  const result = await scanHostTcpParallel({
    ...common,
    ports: input.ports,
    timing: input.timing,
    onPortState: input.onPortState,
    plan: threadPlan(input, rtt),
  });
  return { states: result.states, catchAll: null, stats: result.stats };
}

/**
 * The caller's thread count, else an automatic plan: worker threads join once the scan has measured
 * the round trip, as many as chooseThreads() wants and spare cores allow. A packet-rate cap means the
 * network, not the CPU, is the limit (and one thread keeps the cap exact); a caller's own connector
 * cannot be used by workers.
 */
function threadPlan(input: TcpScanInput, rtt: RttEstimator): ThreadPlan {
  if (input.rateLimiter) return { threads: 1 };
  if (input.threads !== undefined) return { threads: input.threads };
  const spareCores = input.spareCores;
  if (input.connector || !spareCores) return { threads: 1 };
  return {
    // Spawned before the scan's own answers decide, when the catch-all probes' answers already say the
    // host is CPU-bound (loopback, fast LAN): an internet host never pays for a worker it will not use.
    prewarm: chooseThreads({ ports: input.ports.length, minRttMs: rtt.minRttMs, spareCores: spareCores.capacity }) - 1,
    decide: ({ minRttMs, remainingPorts }) => {
      const wanted = chooseThreads({ ports: remainingPorts, minRttMs, spareCores: spareCores.capacity });
      return spareCores.tryAcquireUpTo(wanted - 1);
    },
    release: (workers) => spareCores.releaseMany(workers),
  };
}
