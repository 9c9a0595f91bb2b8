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

/**
 * Starts tcp-scan-worker in a worker thread and serves its requests for ports. Under tsx (TypeScript
 * run directly) the worker loads the TypeScript through tsx's in-thread CommonJS hook and without the
 * parent's `--import tsx`: the ESM hook would start a loader thread of its own, which measured 195 ms
 * per worker against 80 ms this way, most of the time a loopback scan takes to warrant the worker.
 */
export function startShardWorker(request: ShardRequest, callbacks: ShardCallbacks): ShardHandle {
  const runningTypeScript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./tcp-scan-worker.${runningTypeScript ? "ts" : "js"}`, import.meta.url);
  let worker: Worker;
  try {
    if (runningTypeScript) {
      const path = JSON.stringify(fileURLToPath(entry));
      const source = `const load = require("node:module").createRequire(${path}); load("tsx/cjs/api").register(); load(${path});`;
      worker = new Worker(source, { eval: true, workerData: request, execArgv: [] });
    } else {
      worker = new Worker(entry, { workerData: request });
    }
  } catch (error) {
    return { done: Promise.reject(error), abort() {} };
  }
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
