/**
 * `npm run bench:scan`: our scanner side by side with Debian's nmap on the same ports and targets.
 *   (a) full 65,535-port TCP connect scan of a loopback address with 20 listeners
 *   (b) full scan of a host in a network namespace where all but 10 ports are DROPped (needs root)
 *   (c) service-detection agreement on tests/helpers/test-services.ts (ours vs nmap -sV)
 * Runs alternate (ours, nmap, ours, nmap...) and medians are printed. Each of our runs is a fresh
 * child process timing only the scan; nmap's time is the scan time it reports itself, which likewise
 * leaves out its process start-up. Whole-process times of (a) are printed below the table.
 * BENCH_RUNS (default 3) sets the runs per side; BENCH_SKIP=a,b,c skips sections.
 * Only 127.0.0.0/8 and the test namespace are ever contacted.
 */
import { execFile } from "node:child_process";
import net from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { detectService } from "../lib/scanner/detect/index";
import { scanHost } from "../lib/scanner/scan-host";
import { scanHostUdp } from "../lib/scanner/udp/udp-scan";
import type { Detection } from "../lib/scanner/types";
import { assertRoutedVia, netnsUnavailableReason, startNetnsHost } from "../tests/helpers/netns";

const run = promisify(execFile);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));

interface ScanRun {
  /** The scan itself: what the table compares. */
  ms: number;
  /** The whole process, start-up included (ours runs TypeScript through tsx, which costs ~0.4 s). */
  processMs: number;
  open: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Child mode: one scan, timing only the scan, printed as JSON. */
async function worker(json: string): Promise<void> {
  const { ip, cidr } = JSON.parse(json) as { ip: string; cidr: string };
  const started = performance.now();
  const result = await scanHost({ ip, family: 4 }, { ports: "all", allowedCidrs: [cidr], detection: false });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, open: result.ports.map((p) => p.port) }));
  process.exit(0);
}

async function ours(ip: string, cidr: string): Promise<ScanRun> {
  const script = fileURLToPath(import.meta.url);
  const started = performance.now();
  const { stdout } = await run(process.execPath, ["--import", "tsx", script, "--worker", JSON.stringify({ ip, cidr })], {
    maxBuffer: 16 << 20,
    timeout: 600_000,
  });
  const processMs = performance.now() - started;
  return { ...(JSON.parse(stdout) as Omit<ScanRun, "processMs">), processMs };
}

/** nmap's own "scanned in X seconds" (its scan without process start-up, like our timing), else wall time. */
async function nmap(ip: string): Promise<ScanRun> {
  const started = performance.now();
  const { stdout } = await run("nmap", ["-sT", "-T4", "-p-", "-n", "-Pn", "-oG", "-", ip], { maxBuffer: 16 << 20, timeout: 900_000 });
  const reported = /scanned in ([\d.]+) seconds/.exec(stdout)?.[1];
  const processMs = performance.now() - started;
  const ms = reported ? Number(reported) * 1000 : processMs;
  const portsField = /Ports: (.*?)(\t|$)/m.exec(stdout)?.[1] ?? "";
  const open = [...portsField.matchAll(/(\d+)\/open\/tcp/g)].map((m) => Number(m[1]));
  return { ms, processMs, open };
}

async function alternate(ip: string, cidr: string): Promise<{ ours: ScanRun[]; nmap: ScanRun[] }> {
  const result = { ours: [] as ScanRun[], nmap: [] as ScanRun[] };
  for (let i = 0; i < RUNS; i++) {
    result.ours.push(await ours(ip, cidr));
    log(`  ours run ${i + 1}: ${describeRun(result.ours.at(-1)!)}`);
    result.nmap.push(await nmap(ip));
    log(`  nmap run ${i + 1}: ${describeRun(result.nmap.at(-1)!)}`);
  }
  return result;
}

const describeRun = (r: ScanRun) => `${seconds(r.ms)} scan, ${seconds(r.processMs)} process, ${r.open.length} open`;

const foundOf = (runs: ScanRun[], expected: number[]) =>
  median(runs.map((r) => expected.filter((port) => r.open.includes(port)).length));

async function loopbackSection(rows: string[], notes: string[]): Promise<void> {
  const ip = "127.0.0.66";
  const servers: net.Server[] = [];
  const ports: number[] = [];
  while (ports.length < 20) {
    const server = net.createServer((socket) => socket.on("error", () => {}).end());
    await new Promise<void>((resolve) => server.listen({ port: 0, host: ip, backlog: 1024 }, () => resolve()));
    servers.push(server);
    ports.push((server.address() as net.AddressInfo).port);
  }
  log(`(a) loopback ${ip}, 20 listeners, 65,535 ports`);
  try {
    const result = await alternate(ip, "127.0.0.0/8");
    const [o, n] = [median(result.ours.map((r) => r.ms)), median(result.nmap.map((r) => r.ms))];
    notes.push(
      `(a) whole processes, start-up included: ours ${seconds(median(result.ours.map((r) => r.processMs)))} ` +
        `(TypeScript through tsx), nmap ${seconds(median(result.nmap.map((r) => r.processMs)))}.`,
    );
    // Services of other processes listening on 0.0.0.0 also show up: report ours out of 20 plus the total.
    rows.push(
      `| (a) loopback, 65,535 ports, 20 listeners | ${seconds(o)} | ${seconds(n)} | ${(o / n).toFixed(2)}× | ` +
        `${foundOf(result.ours, ports)}/20 (total open ${median(result.ours.map((r) => r.open.length))}) | ` +
        `${foundOf(result.nmap, ports)}/20 (total open ${median(result.nmap.map((r) => r.open.length))}) |`,
    );
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

async function netnsSection(rows: string[]): Promise<void> {
  const reason = await netnsUnavailableReason();
  if (reason) {
    rows.push(`| (b) namespace host, all but 10 ports dropped | skipped: ${reason} | | | | |`);
    return;
  }
  const open = [22, 80, 443, 3306, 8080, 12345, 23456, 34567, 45678, 56789];
  const host = await startNetnsHost({ openPorts: open });
  log(`(b) namespace host ${host.ip}, 10 open, every other port dropped`);
  try {
    await assertRoutedVia(host.ip, host.device);
    const result = await alternate(host.ip, host.cidr);
    const [o, n] = [median(result.ours.map((r) => r.ms)), median(result.nmap.map((r) => r.ms))];
    rows.push(
      `| (b) namespace host, all but 10 ports dropped | ${seconds(o)} | ${seconds(n)} | ${(o / n).toFixed(2)}× | ` +
        `${foundOf(result.ours, open)}/10 | ${foundOf(result.nmap, open)}/10 |`,
    );
  } finally {
    await host.stop();
  }
}

interface Expected {
  detectedService: string;
  product?: string;
  version?: string;
}

/** nmap's service names where they differ from the IANA names we report. */
const NMAP_TO_IANA: Record<string, string> = {
  memcached: "memcache",
  "ssl/http": "https",
  "ssl/imap": "imaps",
  "ssl/pop3": "pop3s",
  "ssl/smtp": "submissions",
  "ssl/ldap": "ldaps",
  "ssl/ftp": "ftps",
  postgresql: "postgresql",
};

// nmap names a protocol the same on every port; we name it after the port's registration when that is
// one of the protocol's names (HTTP on 8081 is http-alt, SMTP on 2525 submission). Judge both alike.
const SAME_PROTOCOL: Record<string, string> = { "http-alt": "http", submission: "smtp" };
const protocolOf = (name: string | null) => (name === null ? null : (SAME_PROTOCOL[name] ?? name));

function agrees(found: { service: string | null; product: string | null; version: string | null }, expected: Expected): boolean {
  const service = found.service ? (NMAP_TO_IANA[found.service] ?? found.service) : null;
  if (protocolOf(service) !== protocolOf(expected.detectedService)) return false;
  if (expected.product && !found.product?.toLowerCase().includes(expected.product.toLowerCase())) return false;
  if (expected.version && !found.version?.startsWith(expected.version)) return false;
  return true;
}

async function nmapVersionScan(host: string, ports: { port: number; protocol: string }[]) {
  const tcp = ports.filter((p) => p.protocol === "tcp").map((p) => p.port);
  const udp = ports.filter((p) => p.protocol === "udp").map((p) => p.port);
  const portArg = [...tcp.map((p) => `T:${p}`), ...udp.map((p) => `U:${p}`)].join(",");
  const args = ["-sV", "-n", "-Pn", ...(tcp.length ? ["-sT"] : []), ...(udp.length ? ["-sU"] : []), "-p", portArg, "-oX", "-", host];
  const { stdout } = await run("nmap", args, { maxBuffer: 16 << 20, timeout: 600_000 });
  const found = new Map<string, { service: string | null; product: string | null; version: string | null }>();
  for (const match of stdout.matchAll(/<port protocol="(\w+)" portid="(\d+)">(.*?)<\/port>/gs)) {
    const service = /<service ([^>]*)/.exec(match[3]!)?.[1] ?? "";
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(service)?.[1] ?? null;
    const tunnel = attr("tunnel");
    const name = attr("name");
    found.set(`${match[1]}/${match[2]}`, {
      service: name && tunnel === "ssl" ? `ssl/${name}` : name,
      product: attr("product"),
      version: attr("version"),
    });
  }
  return found;
}

async function detectionSection(rows: string[]): Promise<void> {
  let helper: typeof import("../tests/helpers/test-services");
  try {
    helper = await import("../tests/helpers/test-services");
  } catch (error) {
    rows.push(`| (c) detection agreement | skipped: test services unavailable (${(error as Error).message.split("\n")[0]}) | | | | |`);
    return;
  }
  log("(c) detection agreement on the test services");
  const started = await helper.startTestServices();
  try {
    const services = started.services;
    const oursAgree: string[] = [];
    const nmapAgree: string[] = [];
    const byHost = new Map<string, typeof services>();
    for (const service of services) byHost.set(service.host, [...(byHost.get(service.host) ?? []), service]);
    const nmapResults = new Map<string, Awaited<ReturnType<typeof nmapVersionScan>>>();
    for (const [host, list] of byHost) nmapResults.set(host, await nmapVersionScan(host, list));
    const details: string[] = [];
    for (const service of services) {
      let detection: Detection | null = null;
      if (service.protocol === "tcp") {
        detection = await detectService(service.host, service.port, {}).catch(() => null);
      } else {
        const udp = await scanHostUdp({ ip: service.host, family: 4, ports: [service.port], everyProbe: true });
        const id = udp.get(service.port)?.identification;
        detection = id ? { detectedService: id.detectedService, product: id.product, version: id.version, versionRevision: id.revision ?? null, tls: null, banner: null, facts: id.facts ?? {} } : null;
      }
      const ourFind = { service: detection?.detectedService ?? null, product: detection?.product ?? null, version: detection?.version ?? null };
      const nmapFind = nmapResults.get(service.host)?.get(`${service.protocol}/${service.port}`) ?? { service: null, product: null, version: null };
      if (agrees(ourFind, service.expected)) oursAgree.push(service.name);
      if (agrees(nmapFind, service.expected)) nmapAgree.push(service.name);
      const show = (f: typeof ourFind) => [f.service ?? "-", f.product ?? "", f.version ?? ""].join(" ").trim();
      details.push(`| ${service.name} ${service.port}/${service.protocol} | ${service.expected.detectedService} ${service.expected.product ?? ""} ${service.expected.version ?? ""} | ${show(ourFind)} | ${show(nmapFind)} |`);
    }
    const total = services.length;
    const pct = (n: number) => `${n}/${total} (${total ? Math.round((100 * n) / total) : 0}%)`;
    rows.push(`| (c) detection agrees with expected service/product/version | ${pct(oursAgree.length)} | ${pct(nmapAgree.length)} | | | |`);
    process.stdout.write(`\nDetection details (expected | ours | nmap -sV):\n\n| endpoint | expected | ours | nmap -sV |\n|---|---|---|---|\n${details.join("\n")}\n`);
    if (started.skipped.length > 0) {
      process.stdout.write(`\nSkipped services: ${started.skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}\n`);
    }
  } finally {
    await started.stop();
  }
}

async function machine(): Promise<string> {
  const cpus = os.cpus();
  const nmapVersion = await run("nmap", ["--version"]).then((r) => r.stdout.split("\n")[0]!, () => "nmap not installed");
  return `Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, Linux ${os.release()}, Node ${process.version}, ${nmapVersion}, fd soft limit ${(await import("../lib/scanner/tcp/fd-limit")).fileDescriptorSoftLimit()}`;
}

async function main(): Promise<void> {
  const workerIndex = process.argv.indexOf("--worker");
  if (workerIndex >= 0) return worker(process.argv[workerIndex + 1]!);
  try {
    await run("nmap", ["--version"]);
  } catch {
    throw new Error("nmap is not installed (apt-get install nmap): the benchmark compares against it");
  }
  const rows: string[] = [];
  const notes: string[] = [];
  if (!SKIP.has("a")) await loopbackSection(rows, notes);
  if (!SKIP.has("b")) await netnsSection(rows);
  if (!SKIP.has("c")) await detectionSection(rows);
  process.stdout.write(
    `\n${await machine()}\nRuns per side: ${RUNS} (alternating), medians.\n\n` +
      `| scenario | ours | nmap -sT -T4 | ours / nmap | ours found | nmap found |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n` +
      (notes.length ? `\n${notes.join("\n")}\n` : ""),
  );
  // Child processes and servers are stopped; exit explicitly so a stray handle cannot keep us alive.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`bench-scan: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

