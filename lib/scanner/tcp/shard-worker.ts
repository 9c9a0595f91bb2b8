import { Worker } from "node:worker_threads";
import type { TcpPortState, HostScanStats } from "./host-scanner";
import type { ShardMessage, ShardRequest } from "./tcp-scan-worker";

export interface ShardHandle {
  /** Resolves with the shard's stats; rejects if the worker could not run (its reported ports stay valid). */
  done: Promise<HostScanStats>;
  abort(): void;
}

/**
 * Starts tcp-scan-worker in a worker thread. Under tsx (TypeScript run directly) the worker must
 * register tsx itself, because loader hooks are not inherited by workers on Node 20.
 */
export function startShardWorker(request: ShardRequest, onStates: (port: number, state: TcpPortState) => void): ShardHandle {
  const runningTypeScript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./tcp-scan-worker.${runningTypeScript ? "ts" : "js"}`, import.meta.url);
  let worker: Worker;
  try {
    worker = runningTypeScript
      ? new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`, {
          eval: true,
          workerData: request,
        })
      : new Worker(entry, { workerData: request });
  } catch (error) {
    return { done: Promise.reject(error), abort() {} };
  }
  const done = new Promise<HostScanStats>((resolve, reject) => {
    let finished = false;
    worker.on("message", (message: ShardMessage) => {
      if (message.type === "states") message.ports.forEach((port, i) => onStates(port, message.states[i]!));
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
    abort: () => worker.postMessage("abort"),
  };
}
