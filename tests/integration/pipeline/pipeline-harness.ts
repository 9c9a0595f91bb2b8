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

export async function startPipeline(options: { maxInFlight?: number; log?: "error" | "silent" | "info" } = {}): Promise<Pipeline> {
  const { serve } = await import("inngest/node");
  const { inngest, functions } = await import("@/inngest");
  const { startLocalExecutor } = await import("@/lib/executor");
  const { createLogger } = await import("@/lib/executor/log");
  const { db } = await import("@/lib/db/client");

  const handler = serve({ client: inngest, functions }) as unknown as http.RequestListener;
  const appServer = http.createServer((req, res) => handler(req, res));
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

export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
