import { DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import { createLogger, type ExecutorLogger } from "./log";
import type { RegisterResult } from "./registry";
import { startServer } from "./server";
import { assertSigningKey } from "./signing";
import type { Db } from "./store";
import { syncApp } from "./sync";
import { QueueWorker } from "./queue";

/**
 * The local Inngest executor: runs the app's Inngest functions when no Inngest Cloud or self-hosted
 * Inngest is configured. See docs/executor.md.
 */
export interface LocalExecutorOptions {
  /** The app's Inngest serve endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  appUrl: string;
  /** Signs every request to the app; the app's SDK must have the same INNGEST_SIGNING_KEY. */
  signingKey: string;
  /** Key the SDK must use to send events (INNGEST_EVENT_KEY); null accepts any. */
  eventKey: string | null;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  db?: Db;
  log?: ExecutorLogger;
  /** Calls in flight at once, across all functions. */
  maxInFlight?: number;
  /** Longest idle sleep between queue polls (new events and jobs created here wake it at once). */
  pollIntervalMs?: number;
  /** How long a job stays leased without renewal; a dead executor's jobs are taken over after it. */
  leaseMs?: number;
  callTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Finished runs and processed events are deleted after this long. */
  retentionMs?: number;
  /** Delay between sync attempts while the app is not answering yet. */
  syncRetryMs?: number;
  /** Re-sync periodically (0 = only at start), to pick up function changes during development. */
  resyncIntervalMs?: number;
}

export interface LocalExecutor {
  /** Base URL of the executor (event API and sync endpoint), e.g. http://127.0.0.1:8288. */
  url: string;
  /** Resolves once the app has been synced and the queue is running. */
  ready: Promise<void>;
  /** Syncs the app now. */
  sync(): Promise<RegisterResult>;
  stop(): Promise<void>;
}

export async function startLocalExecutor(options: LocalExecutorOptions): Promise<LocalExecutor> {
  assertSigningKey(options.signingKey);
  const appUrl = new URL(options.appUrl).href;
  const log = options.log ?? createLogger();
  const db = options.db ?? (await import("@/lib/db/client")).db;

  const worker = new QueueWorker({
    db,
    log,
    signingKey: options.signingKey,
    appUrl,
    maxInFlight: options.maxInFlight ?? 32,
    pollIntervalMs: options.pollIntervalMs ?? 2_000,
    leaseMs: options.leaseMs ?? 30_000,
    callTimeoutMs: options.callTimeoutMs ?? 60 * 60_000,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    retentionMs: options.retentionMs ?? 7 * 24 * 60 * 60_000,
  });
  const server = await startServer({
    db,
    log,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 8288,
    eventKey: options.eventKey,
    signingKey: options.signingKey,
    onChange: () => worker.wake(),
  });

  let stopped = false;
  const stopping = new AbortController();
  let resyncTimer: NodeJS.Timeout | null = null;
  const sync = async () => {
    const result = await syncApp({ db, appUrl, signingKey: options.signingKey, log, signal: stopping.signal });
    worker.wake();
    return result;
  };

  const ready = (async () => {
    let attempts = 0;
    while (!stopped) {
      try {
        const result = await sync();
        log.info("app synced", { appUrl, appId: result.appId, functions: result.functions, executorUrl: server.url });
        break;
      } catch (err) {
        attempts++;
        // The app usually starts after the executor: stay quiet for the first few seconds.
        if (attempts === 15 || attempts % 60 === 0) log.warn("waiting for the app to answer the sync", { appUrl, err });
        if (!stopped) await new Promise((r) => setTimeout(r, options.syncRetryMs ?? 1_000));
      }
    }
    if (stopped) return;
    worker.start();
    if (options.resyncIntervalMs) {
      resyncTimer = setInterval(() => {
        sync()
          .then((r) => r.modified && log.info("app re-synced", { functions: r.functions }))
          .catch((err: unknown) => log.debug("re-sync failed", { err }));
      }, options.resyncIntervalMs);
      resyncTimer.unref();
    }
  })();

  return {
    url: server.url,
    ready,
    sync,
    async stop() {
      stopped = true;
      stopping.abort();
      if (resyncTimer) clearInterval(resyncTimer);
      await worker.stop();
      await server.close();
      await ready.catch(() => undefined);
    },
  };
}

export type { ExecutorLogger } from "./log";
