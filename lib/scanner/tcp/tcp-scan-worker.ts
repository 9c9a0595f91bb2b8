/**
 * Worker-thread side of a parallel host scan (see parallel-scan.ts): takes batches of ports from the
 * main thread's list, scans them with its own congestion window and round-trip estimate, and streams
 * port states back in batches.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { createDefaultConnector } from "./default-connector";
import { scanHostTcp, type TcpPortState } from "./host-scanner";
import { InFlightBudget } from "./inflight-budget";
import type { PortFeed } from "./port-feed";
import { RateLimiter } from "./rate-limiter";
import type { TcpTiming } from "./tcp-timing";

export interface ShardRequest {
  ip: string;
  family: 4 | 6;
  timing: TcpTiming;
  capacity: number;
  packetsPerSecond: number | null;
}

/** Worker to main thread. */
export type ShardMessage =
  | { type: "more" }
  | { type: "states"; ports: number[]; states: TcpPortState[] }
  | { type: "done"; stats: Awaited<ReturnType<typeof scanHostTcp>>["stats"] }
  | { type: "failed"; message: string };

/** Main thread to worker. */
export type ShardReply =
  { type: "start"; request: ShardRequest } | { type: "ports"; ports: number[]; closed: boolean } | { type: "abort" };

/** Ask for the next batch while this many ports are still buffered, so the worker never idles waiting. */
const LOW_WATER = 1_024;

/** The main thread's port list, seen from the worker: a local buffer refilled by request. */
class ParentFeed implements PortFeed {
  private buffer: number[] = [];
  private index = 0;
  private requested = false;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(private readonly port: MessagePort) {
    this.request();
  }

  get closed(): boolean {
    return this.ended && this.index >= this.buffer.length;
  }

  take(max: number): number[] {
    const batch = this.buffer.slice(this.index, this.index + max);
    this.index += batch.length;
    if (!this.ended && !this.requested && this.buffer.length - this.index < LOW_WATER) this.request();
    return batch;
  }

  onMore(wake: () => void): void {
    this.wake = wake;
  }

  receive(ports: number[], closed: boolean): void {
    this.buffer = this.buffer.slice(this.index).concat(ports);
    this.index = 0;
    this.requested = false;
    this.ended = closed;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private request(): void {
    this.requested = true;
    this.port.postMessage({ type: "more" } satisfies ShardMessage);
  }
}

async function main(port: MessagePort, request: ShardRequest): Promise<void> {
  const controller = new AbortController();
  const feed = new ParentFeed(port);
  port.on("message", (message: ShardReply) => {
    if (message.type === "abort") controller.abort(new Error("aborted"));
    else if (message.type === "ports") feed.receive(message.ports, message.closed);
  });
  let ports: number[] = [];
  let states: TcpPortState[] = [];
  const flush = () => {
    if (ports.length === 0) return;
    port.postMessage({ type: "states", ports, states } satisfies ShardMessage);
    ports = [];
    states = [];
  };
  const timer = setInterval(flush, 50);
  const connector = createDefaultConnector();
  try {
    const result = await scanHostTcp({
      ip: request.ip,
      family: request.family,
      ports: feed,
      timing: request.timing,
      connector,
      budget: new InFlightBudget(request.capacity),
      rateLimiter: request.packetsPerSecond ? new RateLimiter(request.packetsPerSecond) : null,
      signal: controller.signal,
      onPortState: (p, state) => {
        ports.push(p);
        states.push(state);
      },
    });
    flush();
    port.postMessage({ type: "done", stats: result.stats } satisfies ShardMessage);
  } catch (error) {
    port.postMessage({ type: "failed", message: (error as Error).message } satisfies ShardMessage);
  } finally {
    connector.dispose?.();
    clearInterval(timer);
    port.close();
  }
}

// The worker is spawned before its share is known (shard-worker.ts): it loads, then waits for "start".
if (parentPort && workerData) {
  const port = parentPort;
  port.once("message", (message: ShardReply) => {
    if (message.type === "start") void main(port, message.request);
  });
}
