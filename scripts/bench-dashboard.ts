/**
 * Dashboard benchmark (prints figures; asserts nothing):
 *   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/portwatch_bench npm run bench:dashboard
 *
 * Drops and re-creates BENCH_DATABASE_URL's database, seeds one organisation with 5,000 assets,
 * 20,000 hosts, 500,000 port intervals (200,000 open now), 365 days of organisation history and 90 per
 * asset (scripts/seed/generate-history.ts, the code behind `npm run seed:demo`), serves the production
 * build on 127.0.0.1, signs in through Auth.js and measures with autocannon the overview, an asset page
 * and the findings page (first page, filtered, sorted), then downloads the full CSV export while
 * sampling the server's memory. Only 127.0.0.1 is contacted; the seed's hosts are rows, never scanned.
 *
 * Options: BENCH_PORT (3016), BENCH_CONNECTIONS (4), BENCH_SECONDS (10 per page, after BENCH_WARMUP_SECONDS,
 * default 3, of the same load that is not counted), BENCH_WEB_CONCURRENCY
 * (web processes, default one per core as WEB_CONCURRENCY gives `npm start`), BENCH_SKIP_SEED=1
 * (reuse the seeded database; pending migrations are still applied), BENCH_SKIP_BUILD=1 (reuse .next),
 * BENCH_SEED_ONLY=1 (seed, then stop).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";

const url = process.env.BENCH_DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    "Set BENCH_DATABASE_URL to a PostgreSQL database this benchmark may drop and re-create, e.g. postgres://postgres:postgres@127.0.0.1:5432/portwatch_bench",
  );
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT ?? 3016);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WEB_WORKERS = Number(process.env.BENCH_WEB_CONCURRENCY ?? availableParallelism());
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench@portwatch.test";
const PASSWORD = "bench-dashboard-password-2026";
const SIZE = {
  assets: 5_000,
  hosts: 20_000,
  openIntervals: 200_000,
  closedIntervals: 300_000,
  orgDays: 365,
  assetDays: 90,
};

function log(line: string) {
  console.log(line);
}

async function recreateDatabase() {
  const target = new URL(url!);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name) || name === "postgres")
    throw new Error(`Refusing to drop the database "${name}": use a dedicated one such as portwatch_bench.`);
  const admin = new URL(url!);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

function run(command: string, args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status})`);
}

async function seed(): Promise<void> {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db/client");
  const { createSeedOrganization } = await import("./seed/demo-organization");
  const { generateHistory } = await import("./seed/generate-history");
  const started = Date.now();
  const { organization } = await createSeedOrganization(db, {
    email: EMAIL,
    password: PASSWORD,
    organizationName: "Benchmark organization",
    now: new Date(),
  });
  const summary = await generateHistory(db, organization.id, {
    ...SIZE,
    now: new Date(),
    seed: 11,
    assetName: (i) => `asset-${String(i).padStart(5, "0")}.bench.test`,
    log: (line) => (line.endsWith("000, intervals") || /assets \d*000\//.test(line) ? log(line) : undefined),
  });
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  log(
    `seeded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary.assetIds.length} assets, ${summary.hosts} hosts, ${summary.openIntervals} open + ${summary.closedIntervals} closed intervals; organisation ${summary.grade} (${summary.score})`,
  );
  await db.$disconnect();
}

async function waitForServer(child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      const res = await fetch(`${BASE}/sign-in`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start within 150 s");
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/findings` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return session;
}

/** p95 of every response time (ms) of an autocannon run on `path`; null when the page does not answer 200. */
async function measure(name: string, path: string, cookie: string): Promise<number | null> {
  const probe = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
  await probe.arrayBuffer();
  if (probe.status !== 200) {
    log(`${name.padEnd(18)} ${path} → HTTP ${probe.status}: not measured`);
    return null;
  }
  // Warm-up under the same load, not counted: every web process compiles the page's code on its first
  // requests, and that start-up cost is not what a customer's steady browsing meets.
  if (WARMUP_SECONDS > 0)
    await new Promise((resolve, reject) =>
      autocannon(
        { url: `${BASE}${path}`, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers: { cookie } },
        (error, done) => (error ? reject(error) : resolve(done)),
      ),
    );
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) times.push(ms);
      else errors++;
    });
  });
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  log(
    `${name.padEnd(18)} ${path}\n${" ".repeat(19)}${times.length} requests (${errors} non-200, ${result.errors} errors) in ${SECONDS} s with ${CONNECTIONS} connections: ` +
      `p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms`,
  );
  return Math.round(p(0.95));
}

function rssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean))
          visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return kb / 1024;
}

async function measureExport(orgId: string, cookie: string, pid: number) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const started = Date.now();
  const res = await fetch(`${BASE}/api/orgs/${orgId}/findings/export?format=csv`, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`export failed: HTTP ${res.status}`);
  let bytes = 0;
  let lines = 0;
  const reader = res.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.length;
    // indexOf, not a byte loop: the client shares the machine's cores with the server it measures.
    for (let at = next.value.indexOf(10); at !== -1; at = next.value.indexOf(10, at + 1)) lines++;
  }
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  log(
    `export CSV         ${lines - 1} findings, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; server RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak`,
  );
  return { seconds, peak, rows: lines - 1 };
}

async function main() {
  if (!process.env.BENCH_SKIP_SEED) {
    log(`Re-creating ${new URL(url!).pathname.slice(1)} and seeding (this takes a few minutes)…`);
    await recreateDatabase();
    run("npx", ["tsx", "scripts/db/migrate.ts"], { DATABASE_URL: url });
    await seed();
  } else {
    // A database seeded by an earlier version gets the migrations added since (indexes, rollup columns).
    run("npx", ["tsx", "scripts/db/migrate.ts"], { DATABASE_URL: url });
  }
  if (process.env.BENCH_SEED_ONLY) return;
  if (!process.env.BENCH_SKIP_BUILD || !existsSync(".next/BUILD_ID")) run("npm", ["run", "build"], {});

  // Served as `npm start` serves it with WEB_CONCURRENCY: one Next.js process per core (scripts/web-cluster.mjs).
  const next = ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)];
  const server = spawn(process.execPath, WEB_WORKERS > 1 ? ["scripts/web-cluster.mjs", ...next] : next, {
    env: {
      ...process.env,
      WEB_CONCURRENCY: String(WEB_WORKERS),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      APP_URL: BASE,
      AUTH_SECRET: "bench-dashboard-secret-0123456789abcdef0123456789",
      PORTWATCH_EXECUTOR: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(server);
    const cookie = await signIn();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const org = (
      await db.query<{ id: string }>(`SELECT "id" FROM "Organization" WHERE "name" = 'Benchmark organization'`)
    ).rows[0]!.id;
    // The asset with the most open ports.
    const asset = (
      await db.query<{ assetId: string }>(
        `SELECT "assetId" FROM "PortInterval" WHERE "closedAt" IS NULL GROUP BY "assetId" ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows[0]!.assetId;
    await db.end();

    for (const path of ["/dashboard", `/assets/${asset}`, "/findings"])
      await (await fetch(`${BASE}${path}`, { headers: { cookie } })).arrayBuffer(); // warm up
    const overview = await measure("overview", "/dashboard", cookie);
    const assetPage = await measure("asset page", `/assets/${asset}`, cookie);
    const findings = await measure("findings", "/findings", cookie);
    const filtered = await measure(
      "findings filtered",
      "/findings?severity=critical,high&protocol=tcp&mismatch=false",
      cookie,
    );
    const sorted = await measure("findings sorted", "/findings?sort=firstSeen&dir=desc&page=3", cookie);
    const exported = await measureExport(org, cookie, server.pid!);
    const fmt = (n: number | null) => (n === null ? "n/a" : String(n));
    const [load1] = loadavg();
    log(
      `machine: ${availableParallelism()} cores, ${WEB_WORKERS} web process(es), load average ${load1!.toFixed(1)} at the end (other processes share these cores: figures are measured under that load)`,
    );
    log(`findings_sorted p95 ms: ${fmt(sorted)}`);
    log(
      `bench:dashboard p95 ms: overview=${fmt(overview)} asset=${fmt(assetPage)} findings=${fmt(findings)} findings_filtered=${fmt(filtered)}; ` +
        `export_s=${exported.seconds.toFixed(1)}; rss_mb=${Math.round(exported.peak)}`,
    );
  } finally {
    server.kill("SIGTERM");
  }
}

await main();
process.exit(0);
