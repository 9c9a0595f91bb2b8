import {
  scanHostTcp,
  type HostScanInput,
  type HostScanOutput,
  type HostScanStats,
  type TcpPortState,
} from "./host-scanner";
import { PortList } from "./port-feed";
import { PortStates } from "./port-states";
import { spawnShardWorker, type ShardHandle, type SpawnedShard } from "./shard-worker";

/** Below this many ports per thread a worker's start-up costs more than it saves. */
const MIN_PORTS_PER_THREAD = 8_192;
/** Answers measured before an automatic plan decides on workers: enough for a clean minimum round trip. */
const DECIDE_AFTER_ANSWERS = 512;

export type ThreadPlan =
  /** This many threads from the start (the caller chose). */
  | { threads: number }
  /**
   * Start alone; once the first answers have measured the round trip, ask how many worker threads to
   * add (see thread-choice.ts). `release` is called at the end with the number that was granted.
   * `prewarm` workers are spawned at once, to have loaded by the time of the decision; those not
   * granted are ended unused.
   */
  | {
      decide: (measured: { minRttMs: number | null; remainingPorts: number }) => number;
      release: (workers: number) => void;
      prewarm?: number;
    };

/**
 * One host's connect scan shared between this thread and worker threads. On loopback and fast LANs
 * connect() is CPU-bound (the kernel runs the whole handshake inside the syscall), so a second core
 * nearly doubles the rate; over the internet one thread is already waiting on the network.
 * The ports are one list that every thread takes batches from, in order, as it has room: a worker
 * that starts late or shares its core with other work simply takes fewer ports, so a worker never
 * holds back the scan by more than its last batch. Each thread has its own window (together capped
 * at the host's maximum), round-trip estimate and retry passes; worker sockets come out of the shared
 * budget. Ports handed to a worker that fails are scanned here.
 */
export async function scanHostTcpParallel(
  input: Omit<HostScanInput, "ports"> & {
    ports: readonly number[];
    plan: ThreadPlan;
    packetsPerSecond?: number | null;
  },
): Promise<HostScanOutput> {
  const { plan } = input;
  const fixedThreads =
    "threads" in plan
      ? Math.max(1, Math.min(plan.threads, Math.floor(input.ports.length / MIN_PORTS_PER_THREAD)))
      : null;
  if (fixedThreads === 1) return scanHostTcp(input);

  const list = new PortList(input.ports);
  const maxWindow = input.timing.maxWindowPerHost;
  const windowCap = { max: Math.ceil(maxWindow / (fixedThreads ?? 1)) };
  const states = new PortStates();
  const handles: ShardHandle[] = [];
  /** Each worker's end, settled as soon as it happens: a crash must not wait for the local scan to be noticed. */
  const outcomes: Promise<HostScanStats | Error>[] = [];
  const handed: number[][] = [];
  const spare: SpawnedShard[] = "decide" in plan ? Array.from({ length: plan.prewarm ?? 0 }, spawnShardWorker) : [];
  const cancelSpare = () => spare.splice(0).forEach((shard) => shard.cancel());
  let reserved = 0;
  let granted = 0;
  let answers = 0;

  /** Starts `count` workers sharing `sockets` reserved from the budget, and narrows this thread's window. */
  const startWorkers = (count: number, sockets: number) => {
    const window = Math.max(1, Math.ceil(maxWindow / (count + 1)));
    windowCap.max = window;
    reserved += sockets;
    for (let i = 0; i < count; i++) {
      const ports: number[] = [];
      handed.push(ports);
      const handle = (spare.shift() ?? spawnShardWorker()).start(
        {
          ip: input.ip,
          family: input.family,
          timing: { ...input.timing, maxWindowPerHost: window },
          capacity: Math.max(1, Math.floor(sockets / count)),
          packetsPerSecond: input.packetsPerSecond ? input.packetsPerSecond / (count + 1) : null,
        },
        {
          onStates: record,
          nextBatch: () => {
            const batch = list.take(Math.max(128, Math.min(4_096, Math.floor(list.remaining / (2 * (count + 1))))));
            ports.push(...batch);
            return { ports: batch, closed: list.closed };
          },
        },
      );
      handles.push(handle);
      outcomes.push(
        handle.done.catch((error: unknown) => {
          // A worker that failed (e.g. its file is missing from a bundle) gives its window back.
          windowCap.max = Math.min(maxWindow, windowCap.max + window);
          return error instanceof Error ? error : new Error(String(error));
        }),
      );
    }
  };
  const record = (port: number, state: TcpPortState) => {
    if (states.has(port)) return;
    states.set(port, state);
    input.onPortState?.(port, state);
    if ("decide" in plan && ++answers === DECIDE_AFTER_ANSWERS && !input.signal?.aborted) {
      granted = plan.decide({ minRttMs: input.rtt?.minRttMs ?? null, remainingPorts: list.remaining });
      // Mid-scan the budget is not waited for: workers start only with sockets to spare right now.
      const sockets = input.budget.tryAcquireUpTo(granted * Math.ceil(maxWindow / (granted + 1)));
      if (granted > 0 && sockets >= granted) startWorkers(granted, sockets);
      else input.budget.releaseMany(sockets);
      cancelSpare();
    }
  };

  if (fixedThreads) {
    // Worker sockets are held back from the shared budget before anything starts.
    startWorkers(fixedThreads - 1, await reserve(input, windowCap.max * (fixedThreads - 1)));
  }
  const onAbort = () => handles.forEach((handle) => handle.abort());
  input.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const local = (ports: readonly number[] | PortList) =>
      scanHostTcp({ ...input, ports, windowCap, onPortState: record }).then((r) => r.stats);
    const results = [await local(list)];
    // Workers exist by now: they are only started while the local scan runs.
    for (const [i, outcome] of outcomes.entries()) {
      const stats = await outcome;
      if (!(stats instanceof Error)) results.push(stats);
      else {
        input.signal?.throwIfAborted();
        results.push(await local(handed[i]!.filter((port) => !states.has(port))));
      }
    }
    input.signal?.throwIfAborted();
    return { states, stats: { ...mergeStats(results), threads: 1 + handles.length } };
  } finally {
    cancelSpare();
    input.signal?.removeEventListener("abort", onAbort);
    input.budget.releaseMany(reserved);
    if ("decide" in plan) plan.release(granted);
  }
}

/** Takes `count` slots from the shared budget for worker sockets, waiting for releases if needed. */
async function reserve(input: Pick<HostScanInput, "budget">, count: number): Promise<number> {
  if (count <= 0) return 0;
  for (;;) {
    // Partial reservation: workers get fewer slots than sockets only when the whole scan is saturated.
    const taken = input.budget.tryAcquireUpTo(count);
    if (taken > 0) return taken;
    await new Promise<void>((resolve) => input.budget.waitForRelease(resolve));
  }
}

function mergeStats(all: HostScanStats[]): Omit<HostScanStats, "threads"> {
  return {
    probesSent: all.reduce((sum, s) => sum + s.probesSent, 0),
    passes: Math.max(...all.map((s) => s.passes)),
    lossEvents: all.reduce((sum, s) => sum + s.lossEvents, 0),
    localResourceErrors: all.reduce((sum, s) => sum + s.localResourceErrors, 0),
    finalTimeoutMs: Math.max(...all.map((s) => s.finalTimeoutMs)),
    smoothedRttMs: all[0]!.smoothedRttMs,
    finalWindow: all.reduce((sum, s) => sum + s.finalWindow, 0),
  };
}
