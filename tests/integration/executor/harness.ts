import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { db } from "@/lib/db/client";
import { startLocalExecutor, type LocalExecutor, type LocalExecutorOptions } from "@/lib/executor";
import { createLogger, parseLogLevel } from "@/lib/executor/log";
import { generateEventKey, generateSigningKey } from "@/lib/executor/signing";
import { pointSdkAtExecutor } from "@/lib/executor/env";

/**
 * A real Inngest app (the SDK's own Node adapter on a loopback HTTP server) plus the local executor
 * against the test database. The SDK runs in cloud mode, so it verifies every request signature.
 */
export type TestClient = Inngest;
type AnyFunction = ReturnType<Inngest["createFunction"]>;

export interface Harness {
  client: TestClient;
  appUrl: string;
  executor: LocalExecutor;
  signingKey: string;
  eventKey: string;
  /** Stops the current executor and starts a new one on the same database and port. */
  restartExecutor(): Promise<void>;
  close(): Promise<void>;
}

export const testLog = createLogger(parseLogLevel(process.env.PORTWATCH_EXECUTOR_LOG, "error"));

/** The SDK logs every step error; tests assert on outcomes instead. */
const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

export const FAST: Partial<LocalExecutorOptions> = {
  pollIntervalMs: 200,
  leaseMs: 3_000,
  syncRetryMs: 100,
  backoff: { baseMs: 50, maxMs: 500, jitter: 0 },
};

export async function startHarness(
  defineFunctions: (client: TestClient) => AnyFunction[],
  options: {
    executor?: Partial<LocalExecutorOptions>;
    appId?: string;
    /** Configure the client only through the environment, as the app does (docs/executor.md). */
    clientFromEnv?: boolean;
  } = {},
): Promise<Harness> {
  const signingKey = generateSigningKey();
  const eventKey = generateEventKey();
  let handler: http.RequestListener | null = null;
  const appServer = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/inngest`;

  const start = (port: number) =>
    startLocalExecutor({
      appUrl,
      signingKey,
      eventKey,
      port,
      host: "127.0.0.1",
      db,
      log: testLog,
      ...FAST,
      ...options.executor,
    });
  let executor = await start(0);
  const port = Number(new URL(executor.url).port);

  const savedEnv = { ...process.env };
  let client: Inngest;
  if (options.clientFromEnv) {
    pointSdkAtExecutor(process.env, executor.url, {
      host: "127.0.0.1",
      port,
      maxInFlight: 32,
      appUrl,
      signingKey,
      eventKey,
    });
    client = new Inngest({ id: options.appId ?? "executor-test", logger: quietLogger });
  } else {
    client = new Inngest({
      id: options.appId ?? "executor-test",
      isDev: false,
      signingKey,
      eventKey,
      baseUrl: executor.url,
      logger: quietLogger,
    });
  }
  handler = serve({ client, functions: defineFunctions(client) }) as unknown as http.RequestListener;
  await executor.ready;

  return {
    client,
    appUrl,
    get executor() {
      return executor;
    },
    signingKey,
    eventKey,
    async restartExecutor() {
      await executor.stop();
      executor = await start(port);
      await executor.ready;
    },
    async close() {
      await executor.stop();
      appServer.closeAllConnections();
      await new Promise<void>((resolve) => appServer.close(() => resolve()));
      for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
      Object.assign(process.env, savedEnv);
    },
  };
}

/** Polls until `check` returns a truthy value; fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The run a function started for an event (by event id). */
export function runFor(functionId: string, eventId: string) {
  return db.executorRun.findFirst({ where: { functionId, eventId } });
}

export async function finishedRun(functionId: string, eventId: string, timeoutMs?: number) {
  return waitFor(
    `run of ${functionId} for event ${eventId} to finish`,
    async () => {
      const run = await runFor(functionId, eventId);
      return run && run.status !== "RUNNING" ? run : null;
    },
    timeoutMs,
  );
}

/** A promise with its resolve function, for steps that must wait on the test. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

export function counter() {
  const counts = new Map<string, number>();
  return {
    hit(key: string) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    get(key: string) {
      return counts.get(key) ?? 0;
    },
  };
}
