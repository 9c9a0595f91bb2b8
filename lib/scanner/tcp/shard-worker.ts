import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TcpPortState, HostScanStats } from "./host-scanner";
import type { ShardMessage, ShardRequest, ShardReply } from "./tcp-scan-worker";

export interface ShardHandle {
  /** Resolves with the shard's stats; rejects if the worker could not run (its reported ports stay valid). */
  done: Promise<HostScanStats>;
  abort(): void;
}

export interface ShardCallbacks {
  onStates(port: number, state: TcpPortState): void;
  /** The worker's next ports from the shared list, and whether the list is now exhausted. */
  nextBatch(): { ports: number[]; closed: boolean };
}

/** A worker thread that has loaded (or is loading) the scan code and waits to be given its share. */
export interface SpawnedShard {
  start(request: ShardRequest, callbacks: ShardCallbacks): ShardHandle;
  /** Ends a worker that was never started. */
  cancel(): void;
}

/**
 * Starts tcp-scan-worker in a worker thread, which loads its code and then waits for `start`: a scan
 * can spawn a worker before it knows whether it wants one, so the worker's ~80 ms of start-up overlaps
 * the first probes instead of following them. Under tsx (TypeScript run directly) the worker loads the
 * TypeScript through tsx's in-thread CommonJS hook and without the parent's `--import tsx`: the ESM
 * hook would start a loader thread of its own, which measured 195 ms per worker against 80 ms this way.
 */
export function spawnShardWorker(): SpawnedShard {
  const runningTypeScript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./tcp-scan-worker.${runningTypeScript ? "ts" : "js"}`, import.meta.url);
  let worker: Worker;
  try {
    if (runningTypeScript) {
      const path = JSON.stringify(fileURLToPath(entry));
      const source = `const load = require("node:module").createRequire(${path}); load("tsx/cjs/api").register(); load(${path});`;
      worker = new Worker(source, { eval: true, workerData: true, execArgv: [] });
    } else {
      worker = new Worker(entry, { workerData: true });
    }
  } catch (error) {
    return {
      start: () => ({ done: Promise.reject(error instanceof Error ? error : new Error(String(error))), abort() {} }),
      cancel() {},
    };
  }
  // Until started, an error or exit has nobody to report to; start() reports it through `done`.
  let early: Error | null = null;
  const onEarlyError = (error: Error) => (early = error);
  worker.on("error", onEarlyError);
  return {
    start: (request, callbacks) => {
      worker.off("error", onEarlyError);
      if (early) return { done: Promise.reject(early), abort() {} };
      worker.postMessage({ type: "start", request } satisfies ShardReply);
      return attach(worker, callbacks);
    },
    cancel: () => {
      worker.off("error", onEarlyError);
      worker.on("error", () => {});
      void worker.terminate();
    },
  };
}

/** Serves a started worker's requests for ports and relays its states. */
function attach(worker: Worker, callbacks: ShardCallbacks): ShardHandle {
  const done = new Promise<HostScanStats>((resolve, reject) => {
    let finished = false;
    worker.on("message", (message: ShardMessage) => {
      if (message.type === "more") worker.postMessage({ type: "ports", ...callbacks.nextBatch() } satisfies ShardReply);
      else if (message.type === "states")
        message.ports.forEach((port, i) => callbacks.onStates(port, message.states[i]!));
      else if (message.type === "done") {
        finished = true;
        resolve(message.stats);
      } else {
        finished = true;
        reject(new Error(message.message));
      }
    });
    worker.on("error", (error) => {
      finished = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!finished) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
  return {
    done: done.finally(() => void worker.terminate()),
    abort: () => worker.postMessage({ type: "abort" } satisfies ShardReply),
  };
}
