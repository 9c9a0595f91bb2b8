// `npx tsx scripts/bench-executor.ts [runs] [steps]`: throughput and per-step overhead of the local
// executor against a throwaway in-memory embedded database (over its PostgreSQL socket) and a loopback Inngest app whose steps do nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { adapterFactory } from "@/lib/db/adapter";
import { startScratchDatabase } from "@/lib/db/embedded/server";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { startLocalExecutor } from "@/lib/executor";
import { createLogger } from "@/lib/executor/log";
import { generateEventKey, generateSigningKey } from "@/lib/executor/signing";

const runs = Number(process.argv[2] ?? 20);
const steps = Number(process.argv[3] ?? 5);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(steps) || steps < 1) {
  console.error("Usage: npx tsx scripts/bench-executor.ts [runs ≥ 1] [steps ≥ 1]");
  process.exit(2);
}

const scratch = await startScratchDatabase();
const factory = adapterFactory(scratch.url);
await applyPendingMigrations(factory);
const db = new PrismaClient({ adapter: factory });

const signingKey = generateSigningKey();
const eventKey = generateEventKey();
let handler: http.RequestListener | null = null;
let appMs = 0;
let calls = 0;
const app = http.createServer((req, res) => {
  const started = performance.now();
  res.on("finish", () => {
    appMs += performance.now() - started;
    calls++;
  });
  if (handler) return handler(req, res);
  res.writeHead(503).end();
});
await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
const executor = await startLocalExecutor({
  appUrl,
  signingKey,
  eventKey,
  port: 0,
  db,
  log: createLogger("error"),
  syncRetryMs: 50,
});
const client = new Inngest({
  id: "bench",
  isDev: false,
  signingKey,
  eventKey,
  baseUrl: executor.url,
  logger: { info() {}, warn() {}, error() {}, debug() {} },
});
const fn = client.createFunction({ id: "steps", triggers: [{ event: "bench/run" }] }, async ({ step }) => {
  let total = 0;
  for (let i = 0; i < steps; i++) total += await step.run(`step-${i}`, () => i);
  return total;
});
handler = serve({ client, functions: [fn] }) as unknown as http.RequestListener;
await executor.ready;

async function measure(count: number): Promise<{ wallMs: number; failed: number }> {
  const before = await db.executorRun.count();
  const t = performance.now();
  await client.send(Array.from({ length: count }, (_, i) => ({ name: "bench/run", data: { i } })));
  for (;;) {
    const done = await db.executorRun.count({ where: { status: { not: "RUNNING" } } });
    if (done >= before + count) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const wallMs = performance.now() - t;
  const failed = await db.executorRun.count({ where: { status: { not: "COMPLETED" } } });
  return { wallMs, failed };
}

await measure(1); // warm-up: first queries and the first SDK call compile lazily
const single = await measure(1);
const callsBefore = calls;
const appBefore = appMs;
const many = await measure(runs);
const appPerCall = (appMs - appBefore) / Math.max(1, calls - callsBefore);

console.log(
  `one run of ${steps} steps: ${single.wallMs.toFixed(0)} ms, ${(single.wallMs / (steps + 1)).toFixed(1)} ms per call cycle`,
);
console.log(
  `${runs} runs × ${steps} steps: ${(many.wallMs / 1000).toFixed(2)} s, ${((runs * steps * 1000) / many.wallMs).toFixed(1)} steps/s`,
);
console.log(
  `app time per call (SDK + signature check + step): ${appPerCall.toFixed(1)} ms; runs not completed: ${many.failed + single.failed}`,
);
const failed = many.failed + single.failed;

await executor.stop();
app.closeAllConnections();
app.close();
await db.$disconnect();
await scratch.stop();
process.exit(failed ? 1 : 0);
