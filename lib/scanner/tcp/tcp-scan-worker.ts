/**
 * Worker-thread side of a parallel host scan (see parallel-scan.ts): scans its share of the ports
 * with its own congestion window and round-trip estimator, streaming port states back in batches.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createDefaultConnector } from "./default-connector";
import { scanHostTcp, type TcpPortState } from "./host-scanner";
import { InFlightBudget } from "./inflight-budget";
import { RateLimiter } from "./rate-limiter";
import type { TcpTiming } from "./tcp-timing";

export interface ShardRequest {
  ip: string;
  family: 4 | 6;
  ports: number[];
  timing: TcpTiming;
  capacity: number;
  packetsPerSecond: number | null;
}

export type ShardMessage =
  | { type: "states"; ports: number[]; states: TcpPortState[] }
  | { type: "done"; stats: Awaited<ReturnType<typeof scanHostTcp>>["stats"] }
  | { type: "failed"; message: string };

async function main(port: NonNullable<typeof parentPort>, request: ShardRequest): Promise<void> {
  const controller = new AbortController();
  port.on("message", (message) => {
    if (message === "abort") controller.abort(new Error("aborted"));
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
      ports: request.ports,
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

if (parentPort && workerData) void main(parentPort, workerData as ShardRequest);
