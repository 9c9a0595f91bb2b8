/**
 * Pipeline benchmark: 50 simulated hosts on loopback (127.78.0.1–50, each with an SSH and an HTTP
 * listener) scanned through the whole pipeline — events, the local executor, the scan-asset,
 * grade-asset and detect-exposure-changes functions, an embedded database.
 *
 * 10 organisations × 1 domain × 5 A records (served by a loopback DNS server) = 50 hosts.
 * Prints hosts per minute and the executor's overhead per step: time a run spends between its
 * calls into the app (queueing, leasing, storing results, concurrency waits) vs. time inside them.
 *
 *   npm run bench:pipeline                       (BENCH_HOSTS_PER_DOMAIN=5 BENCH_DOMAINS=10 by default)
 */
process.env.SCAN_ALLOWED_CIDRS = "127.0.0.0/8";

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 10);
const HOSTS_PER_DOMAIN = Number(process.env.BENCH_HOSTS_PER_DOMAIN ?? 5);
const CLOSED_PORTS = 30;

async function main() {
  // A throwaway embedded database, served over the PostgreSQL protocol like the app's.
  const { startScratchDatabase } = await import("@/lib/db/embedded/server");
  const scratch = await startScratchDatabase();
  process.env.DATABASE_URL = scratch.url;
  const { applyPendingMigrations } = await import("@/lib/db/migrations");
  const { adapterFactory } = await import("@/lib/db/adapter");
  await applyPendingMigrations(adapterFactory(scratch.url));

  const { listen } = await import("@/tests/integration/pipeline/loopback-services");
  const { startDnsServer } = await import("@/tests/helpers/dns-server");
  const harness = await import("@/tests/integration/pipeline/pipeline-harness");
  const closers: (() => Promise<void>)[] = [];
  try {
    const ips = Array.from(
      { length: DOMAINS * HOSTS_PER_DOMAIN },
      (_, i) => `127.78.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    );
    const [sshPort, httpPort] = await listenEverywhere(ips, listen, closers);
    const closedPorts = await unusedPorts(CLOSED_PORTS, new Set([sshPort, httpPort]));
    process.env.SCAN_PORTS = [sshPort, httpPort, ...closedPorts].join(",");

    const records: Record<string, { A: string[] }> = {};
    for (let d = 0; d < DOMAINS; d++)
      records[`bench${d}.example.test`] = { A: ips.slice(d * HOSTS_PER_DOMAIN, (d + 1) * HOSTS_PER_DOMAIN) };
    const dns = await startDnsServer(records);
    closers.push(dns.stop);
    process.env.SCANNER_DNS_SERVERS = dns.address;

    const calls: import("@/tests/integration/pipeline/pipeline-harness").AppCall[] = [];
    const pipeline = await harness.startPipeline({ log: "error", onCall: (call) => calls.push(call) });
    closers.unshift(() => pipeline.close());

    const { db } = await import("@/lib/db/client");
    const { inngest } = await import("@/inngest");
    const { scanRequested } = await import("@/inngest/events");
    const { createScanRun } = await import("@/lib/scan-runs/create-scan-run");

    const requests: { organizationId: string; assetId: string; scanRunId: string }[] = [];
    for (let d = 0; d < DOMAINS; d++) {
      const org = await db.organization.create({ data: { name: `Bench ${d}`, plan: "PRO" } });
      const asset = await db.asset.create({
        data: { organizationId: org.id, kind: "DOMAIN", value: `bench${d}.example.test` },
      });
      const run = await createScanRun(org.id, { assetId: asset.id, trigger: "API" });
      requests.push({ organizationId: org.id, assetId: asset.id, scanRunId: run.id });
    }
    calls.length = 0;
    const started = Date.now();
    await inngest.send(requests.map((r) => scanRequested.create({ ...r, trigger: "API" })));

    const ids = requests.map((r) => r.scanRunId);
    let lastReport = 0;
    await harness.waitFor(
      "every scan to finish and every completed one to be graded",
      async () => {
        const runs = await db.scanRun.findMany({
          where: { id: { in: ids } },
          select: { status: true, hostsDone: true },
        });
        const completed = runs.filter((r) => r.status === "COMPLETED").length;
        const finished = runs.filter((r) => r.status !== "QUEUED" && r.status !== "RUNNING").length;
        const gradedCount = await db.gradeSnapshot.count({ where: { scanRunId: { in: ids }, assetId: { not: null } } });
        if (Date.now() - lastReport > 5_000) {
          lastReport = Date.now();
          const hostsDone = runs.reduce((sum, r) => sum + r.hostsDone, 0);
          console.error(
            `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${hostsDone} hosts stored, ${finished}/${ids.length} scans finished, ${gradedCount} graded`,
          );
        }
        if (finished < ids.length || gradedCount < completed) return false;
        // The functions' last steps (announcements) end after the data is stored: wait for every job run too.
        return (
          (await db.executorRun.count({
            where: { status: "RUNNING", createdAt: { gte: new Date(started - 1000) } },
          })) === 0
        );
      },
      30 * 60_000,
    );
    const elapsedMs = Date.now() - started;

    const runs = await db.scanRun.findMany({ where: { id: { in: ids } } });
    const failed = runs.filter((r) => r.status !== "COMPLETED");
    const hosts = runs.reduce((sum, r) => sum + r.hostsDone, 0);
    const ports = runs.reduce((sum, r) => sum + r.portsFound, 0);
    const executorRuns = await db.executorRun.findMany({
      where: { createdAt: { gte: new Date(started - 1000) } },
      include: { _count: { select: { steps: true } } },
    });

    if (process.env.BENCH_DEBUG)
      console.error(
        JSON.stringify({ run: executorRuns[0], call: calls[0], steps: await db.executorStepResult.count() }),
      );
    const report = overhead(executorRuns, calls);
    const line = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);
    console.log(
      `\nPipeline benchmark: ${DOMAINS} domains × ${HOSTS_PER_DOMAIN} hosts, ${2 + CLOSED_PORTS} TCP ports per host (2 open)\n`,
    );
    line(
      "Scans completed",
      `${runs.length - failed.length}/${runs.length}${failed.length ? ` (failed: ${failed.map((f) => f.error).join("; ")})` : ""}`,
    );
    line("Hosts scanned / open ports stored", `${hosts} / ${ports}`);
    line("Wall time, request → every asset graded", `${(elapsedMs / 1000).toFixed(1)} s`);
    line("Throughput", `${((hosts / elapsedMs) * 60_000).toFixed(1)} hosts/minute`);
    line("Function runs (scan, grade, exposure)", `${executorRuns.length}`);
    line("Steps stored by the executor", `${report.steps}`);
    line("Calls into the app", `${report.calls}`);
    line("Time inside the app per call (mean / p95)", `${ms(report.callMean)} / ${ms(report.callP95)}`);
    line("Run time inside the app (sum over runs)", `${(report.busyMs / 1000).toFixed(1)} s`);
    line("Run time in the executor (sum over runs)", `${(report.executorMs / 1000).toFixed(1)} s`);
    line("Executor time per step", ms(report.executorMs / Math.max(1, report.steps)));
    line("Turnaround between a run's calls (median / p95)", `${ms(report.gapMedian)} / ${ms(report.gapP95)}`);
    console.log(
      "\nExecutor time = a run's wall time minus the time some call of that run was inside the app; it includes\n" +
        "polling, leasing, storing step results and waiting for the per-organisation and global concurrency limits\n" +
        `(SCAN_CONCURRENCY_PER_ORG / SCAN_CONCURRENCY_GLOBAL). Turnaround is the gap between consecutive calls of one run.`,
    );
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    for (const [i, close] of closers.entries()) {
      const at = Date.now();
      await close().catch(() => undefined);
      if (process.env.BENCH_DEBUG) console.error(`closed ${i} in ${Date.now() - at} ms`);
    }
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    await scratch.stop();
    if (process.env.BENCH_DEBUG) {
      console.error("all closed");
      setTimeout(
        () =>
          console.error(
            "still alive:",
            (process as unknown as { _getActiveHandles(): unknown[] })
              ._getActiveHandles()
              .map((h) => (h as object).constructor.name),
          ),
        3000,
      ).unref();
    }
  }
}

type Listen = typeof import("@/tests/integration/pipeline/loopback-services").listen;

/** An SSH and an HTTP listener on every address, on the same two port numbers (retried on collision). */
async function listenEverywhere(
  ips: string[],
  listen: Listen,
  closers: (() => Promise<void>)[],
): Promise<[number, number]> {
  const ports: number[] = [];
  for (const kind of ["ssh", "http"] as const) {
    for (let attempt = 0; ; attempt++) {
      const first = await listen(ips[0]!, kind);
      const opened = [first.close];
      try {
        for (const ip of ips.slice(1)) opened.push((await listen(ip, kind, first.service.port)).close);
        closers.push(...opened);
        ports.push(first.service.port);
        break;
      } catch (error) {
        await Promise.all(opened.map((close) => close()));
        if (attempt >= 10) throw error;
      }
    }
  }
  return [ports[0]!, ports[1]!];
}

/** Ports with no listener on loopback: probing them measures the closed-port path. */
async function unusedPorts(count: number, taken: Set<number>): Promise<number[]> {
  const net = await import("node:net");
  const ports: number[] = [];
  while (ports.length < count) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as import("node:net").AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (!taken.has(port) && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

interface RunRow {
  id: string;
  createdAt: Date;
  endedAt: Date | null;
  _count: { steps: number };
}

function overhead(runs: RunRow[], calls: import("@/tests/integration/pipeline/pipeline-harness").AppCall[]) {
  const byRun = new Map<string, { start: number; end: number }[]>();
  for (const call of calls) {
    if (!call.runId) continue;
    const list = byRun.get(call.runId) ?? [];
    list.push({ start: call.startedAt, end: call.endedAt });
    byRun.set(call.runId, list);
  }
  let busyMs = 0;
  let executorMs = 0;
  let steps = 0;
  const gaps: number[] = [];
  for (const run of runs) {
    if (!run.endedAt) continue;
    const intervals = (byRun.get(run.id) ?? []).sort((a, b) => a.start - b.start);
    let busy = 0;
    let coveredUntil = -Infinity;
    for (const { start, end } of intervals) {
      if (start > coveredUntil && coveredUntil !== -Infinity) gaps.push(start - coveredUntil);
      const from = Math.max(start, coveredUntil);
      if (end > from) busy += end - from;
      coveredUntil = Math.max(coveredUntil, end);
    }
    busyMs += busy;
    executorMs += Math.max(0, run.endedAt.getTime() - run.createdAt.getTime() - busy);
    steps += run._count.steps;
  }
  const durations = calls.filter((c) => c.runId).map((c) => c.endedAt - c.startedAt);
  return {
    calls: durations.length,
    callMean: durations.reduce((a, b) => a + b, 0) / Math.max(1, durations.length),
    callP95: percentile(durations, 0.95),
    busyMs,
    executorMs,
    steps,
    gapMedian: percentile(gaps, 0.5),
    gapP95: percentile(gaps, 0.95),
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
