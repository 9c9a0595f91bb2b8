// `npm start` with WEB_CONCURRENCY=N (N > 1, PostgreSQL only): N `next start` processes share one
// listening port through node:cluster, so a machine's cores all serve pages (one Node.js process runs
// JavaScript on one core). Only the first worker runs the local Inngest executor: the others are
// started with PORTWATCH_EXECUTOR=off, and the executor's calls reach whichever worker accepts them.
// A worker that dies is replaced (at most once a second); SIGINT/SIGTERM stop every worker, then this process.
// Usage (from scripts/run.ts): node scripts/web-cluster.mjs <next binary> start [next options]
import cluster from "node:cluster";

const [nextBin, ...args] = process.argv.slice(2);
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);
let stopping = false;
let lastRestart = 0;

cluster.setupPrimary({ exec: nextBin, args, silent: false });
const start = (index) => {
  const worker = cluster.fork(index === 0 ? {} : { PORTWATCH_EXECUTOR: "off" });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[portwatch] web worker ${index + 1} exited (${signal ?? code}); starting a new one`);
    const wait = Math.max(0, lastRestart + 1000 - Date.now());
    lastRestart = Date.now() + wait;
    setTimeout(() => start(index), wait);
  });
};
for (let i = 0; i < workers; i++) start(i);
console.log(`[portwatch] serving with ${workers} web workers (WEB_CONCURRENCY)`);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 100);
    setTimeout(() => {
      clearInterval(check);
      process.exit(1);
    }, 12_000).unref();
  });
}
