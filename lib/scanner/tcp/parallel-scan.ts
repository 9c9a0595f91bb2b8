import { scanHostTcp, type HostScanInput, type HostScanOutput, type HostScanStats, type TcpPortState } from "./host-scanner";
import { startShardWorker } from "./shard-worker";

/** Below this many ports per thread a worker's start-up (~0.2 s) costs more than it saves. */
const MIN_PORTS_PER_THREAD = 8_192;

/**
 * One host's connect scan split over threads. On loopback and fast LANs connect() is CPU-bound (the
 * kernel runs the whole handshake inside the syscall), so an idle second core can double the rate;
 * over the internet one thread is already waiting on the network. On a busy machine the extra thread
 * costs more than it saves (measured), hence opt-in.
 * Ports are dealt round-robin, so every shard gets common ports early. Each shard has its own window
 * (the host's cap divided between them) and RTT estimate; worker sockets are reserved from the
 * shared budget first. A shard whose worker cannot start (e.g. a bundler moved the worker file)
 * is scanned in this thread instead.
 */
export async function scanHostTcpParallel(
  input: HostScanInput & { threads: number; packetsPerSecond?: number | null },
): Promise<HostScanOutput> {
  const threads = Math.max(1, Math.min(input.threads, Math.floor(input.ports.length / MIN_PORTS_PER_THREAD)));
  if (threads <= 1) return scanHostTcp(input);

  const shards: number[][] = Array.from({ length: threads }, () => []);
  [...new Set(input.ports)].forEach((port, i) => shards[i % threads]!.push(port));
  const windowPerShard = Math.max(1, Math.ceil(input.timing.maxWindowPerHost / threads));
  const timing = { ...input.timing, maxWindowPerHost: windowPerShard };
  const states = new Map<number, TcpPortState>();
  const record = (port: number, state: TcpPortState) => {
    if (states.has(port)) return;
    states.set(port, state);
    input.onPortState?.(port, state);
  };

  const reserved = await reserve(input, windowPerShard * (threads - 1));
  const handles = shards.slice(1).map((ports) =>
    startShardWorker(
      {
        ip: input.ip,
        family: input.family,
        ports,
        timing,
        capacity: windowPerShard,
        packetsPerSecond: input.packetsPerSecond ? input.packetsPerSecond / threads : null,
      },
      record,
    ),
  );
  const onAbort = () => handles.forEach((handle) => handle.abort());
  input.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const local = (ports: number[]) => scanHostTcp({ ...input, ports, timing, onPortState: record }).then((r) => r.stats);
    const results = await Promise.all([
      local(shards[0]!),
      ...handles.map((handle, i) =>
        handle.done.catch(() => {
          input.signal?.throwIfAborted();
          return local(shards[i + 1]!.filter((port) => !states.has(port)));
        }),
      ),
    ]);
    input.signal?.throwIfAborted();
    return { states, stats: mergeStats(results) };
  } finally {
    input.signal?.removeEventListener("abort", onAbort);
    for (let i = 0; i < reserved; i++) input.budget.release();
  }
}

/** Takes `count` slots from the shared budget for worker sockets, waiting for releases if needed. */
async function reserve(input: HostScanInput, count: number): Promise<number> {
  let taken = 0;
  while (taken < count) {
    if (input.budget.tryAcquire()) {
      taken++;
      continue;
    }
    if (taken > 0) break; // Partial reservation: workers get fewer slots than sockets only when the whole scan is saturated.
    await new Promise<void>((resolve) => input.budget.waitForRelease(resolve));
  }
  return taken;
}

function mergeStats(all: HostScanStats[]): HostScanStats {
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
