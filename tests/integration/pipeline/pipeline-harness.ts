/**
 * The whole pipeline on loopback: the app's real Inngest functions served by the SDK's Node adapter,
 * the local executor (lib/executor) calling them with signed requests, and the test database.
 * Shared by tests/integration/pipeline and scripts/bench-pipeline.ts.
 *
 * Import this module before anything that imports `@/inngest`: it sets the SDK's keys in the
 * environment first (cloud mode, signatures verified).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { generateEventKey, generateSigningKey } from "@/lib/executor/signing";

const signingKey = generateSigningKey();
const eventKey = generateEventKey();
process.env.INNGEST_SIGNING_KEY = signingKey;
process.env.INNGEST_EVENT_KEY = eventKey;
delete process.env.INNGEST_DEV;

export interface Pipeline {
  appUrl: string;
  executorUrl: string;
  restartExecutor(): Promise<void>;
  close(): Promise<void>;
}

/** One call of the executor into the app, timed inside the app (SDK plus function code). */
export interface AppCall {
  runId: string | null;
  fnId: string | null;
  stepId: string | null;
  /** Epoch milliseconds (sub-millisecond precision), comparable with database timestamps. */
  startedAt: number;
  endedAt: number;
}

export interface PipelineOptions {
  maxInFlight?: number;
  log?: "error" | "silent" | "info";
  /** Told about every executor → app call once it has been answered (used by the benchmark). */
  onCall?: (call: AppCall) => void;
}

export async function startPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const { serve } = await import("inngest/node");
  const { inngest, functions } = await import("@/inngest");
  const { startLocalExecutor } = await import("@/lib/executor");
  const { createLogger } = await import("@/lib/executor/log");
  const { db } = await import("@/lib/db/client");

  const handler = serve({ client: inngest, functions }) as unknown as http.RequestListener;
  const appServer = http.createServer((req, res) =>
    options.onCall ? timedCall(handler, req, res, options.onCall) : handler(req, res),
  );
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/inngest`;

  const log = createLogger(options.log ?? "error");
  const start = (port: number) =>
    startLocalExecutor({
      appUrl,
      signingKey,
      eventKey,
      host: "127.0.0.1",
      port,
      db,
      log,
      pollIntervalMs: 200,
      leaseMs: 3_000,
      syncRetryMs: 100,
      backoff: { baseMs: 100, maxMs: 1_000, jitter: 0 },
      ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
    });
  let executor = await start(0);
  process.env.INNGEST_BASE_URL = executor.url;
  inngest.setEnvVars();
  await executor.ready;
  const port = Number(new URL(executor.url).port);

  return {
    appUrl,
    get executorUrl() {
      return executor.url;
    },
    async restartExecutor() {
      await executor.stop();
      executor = await start(port);
      await executor.ready;
    },
    async close() {
      await executor.stop();
      appServer.closeAllConnections();
      await new Promise<void>((resolve) => appServer.close(() => resolve()));
    },
  };
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Buffers the request body (to read the run id), replays it to the SDK and times the handling. */
async function timedCall(
  handler: http.RequestListener,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  onCall: (call: AppCall) => void,
) {
  const startedAt = performance.timeOrigin + performance.now();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const replay = Object.assign(Readable.from(body.length > 0 ? [body] : []), {
    headers: req.headers,
    method: req.method,
    url: req.url,
    socket: req.socket,
    connection: req.socket,
    httpVersion: req.httpVersion,
  });
  const url = new URL(req.url ?? "/", "http://app");
  let runId: string | null = null;
  try {
    runId = (JSON.parse(body.toString("utf8")) as { ctx?: { run_id?: string } }).ctx?.run_id ?? null;
  } catch {
    // Not a call (sync or introspection): no run id.
  }
  res.on("finish", () =>
    onCall({
      runId,
      fnId: url.searchParams.get("fnId"),
      stepId: url.searchParams.get("stepId"),
      startedAt,
      endedAt: performance.timeOrigin + performance.now(),
    }),
  );
  handler(replay as unknown as http.IncomingMessage, res);
}
