/**
 * `npm run bench:scan`: our scanner side by side with Debian's nmap, whole processes, same targets,
 * same ports, in the same run (alternating: ours, nmap, ours, nmap ...; medians printed):
 *   (a) port discovery: `scan --no-detect` against `nmap -sT -T4`, all 65,535 TCP ports of a loopback
 *       address with 25 listeners (SSH, HTTP, SMTP, FTP and Redis look-alikes, five of each);
 *   (i) find and identify: the default CLI (detection on) against `nmap -sT -sV -T4` on the same host;
 *   (b) a host in a network namespace where all but 10 ports are DROPped (`--no-detect` vs `-sT -T4`);
 *   (c) service-detection agreement on tests/helpers/test-services.ts (ours vs nmap -sV).
 * Times are wall-clock times of the whole child process, start-up included on both sides (ours runs
 * package.json's `scan` command through sh, as npm does, without npm's own start-up). BENCH_RUNS (default 3) sets the runs per side;
 * BENCH_SKIP=a,i,b,c skips sections. Only 127.0.0.0/8 and the test namespace are ever contacted.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import { promisify } from "node:util";
import { detectService } from "../lib/scanner/detect/index";
import { scanHostUdp } from "../lib/scanner/udp/udp-scan";
import type { Detection } from "../lib/scanner/types";
import { assertRoutedVia, netnsUnavailableReason, startNetnsHost } from "../tests/helpers/netns";

const run = promisify(execFile);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));

interface ScanRun {
  /** Wall-clock time of the whole process. */
  ms: number;
  open: number[];
  /** Ports whose service was named (identification runs). */
  identified: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** `npm run scan`'s command line, from package.json. */
const SCAN_COMMAND = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { scan: string } }).scripts.scan;

/** Our CLI as a user runs it (`npm run scan` minus npm's own start-up), one JSON line per port. */
async function ours(ip: string, cidr: string, detect: boolean): Promise<ScanRun> {
  const args = ["--json", "--ports", "all", ...(detect ? [] : ["--no-detect"]), ip];
  const started = performance.now();
  const { stdout } = await run("sh", ["-c", `${SCAN_COMMAND} "$@"`, "scan", ...args], {
    env: { ...process.env, SCAN_ALLOWED_CIDRS: cidr },
    maxBuffer: 64 << 20,
    timeout: 900_000,
  });
  const ms = performance.now() - started;
  const lines = stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { port: number; detectedService: string | null });
  return {
    ms,
    open: lines.map((l) => l.port),
    identified: lines.filter((l) => l.detectedService !== null).map((l) => l.port),
  };
}

async function nmap(ip: string, detect: boolean): Promise<ScanRun> {
  const started = performance.now();
  const { stdout } = await run("nmap", ["-sT", ...(detect ? ["-sV"] : []), "-T4", "-p-", "-n", "-Pn", "-oG", "-", ip], {
    maxBuffer: 64 << 20,
    timeout: 1_800_000,
  });
  const ms = performance.now() - started;
  const portsField = /Ports: (.*?)(\t|$)/m.exec(stdout)?.[1] ?? "";
  const entries = [...portsField.matchAll(/(\d+)\/open\/tcp\/\/([^/]*)\//g)];
  return {
    ms,
    open: entries.map((m) => Number(m[1])),
    identified: entries.filter((m) => m[2] !== "" && !m[2]!.endsWith("?")).map((m) => Number(m[1])),
  };
}

async function alternate(label: string, once: () => Promise<ScanRun>, theirs: () => Promise<ScanRun>) {
  const result = { ours: [] as ScanRun[], nmap: [] as ScanRun[] };
  for (let i = 0; i < RUNS; i++) {
    result.ours.push(await once());
    log(`  ${label} ours run ${i + 1}: ${describeRun(result.ours.at(-1)!)}`);
    result.nmap.push(await theirs());
    log(`  ${label} nmap run ${i + 1}: ${describeRun(result.nmap.at(-1)!)}`);
  }
  return result;
}

const describeRun = (r: ScanRun) => `${seconds(r.ms)}, ${r.open.length} open, ${r.identified.length} identified`;
const count = (runs: ScanRun[], pick: (r: ScanRun) => number[], expected: number[]) =>
  median(runs.map((r) => expected.filter((port) => pick(r).includes(port)).length));
/** Ports some run of ours reported open that no nmap run saw: must be none. */
const extraPorts = (o: ScanRun[], n: ScanRun[]) => {
  const theirs = new Set(n.flatMap((r) => r.open));
  return [...new Set(o.flatMap((r) => r.open))].filter((port) => !theirs.has(port));
};

const LOAD = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

type Kind = "ssh" | "http" | "smtp" | "ftp" | "redis";
const KINDS: Kind[] = ["ssh", "http", "smtp", "ftp", "redis"];

/** A look-alike of a common service: speaks enough of the protocol for both tools to name it. */
function listener(kind: Kind): net.Server {
  if (kind === "http") {
    return http.createServer((_request, response) => {
      response.writeHead(200, { Server: "nginx/1.22.1", "Content-Type": "text/html" });
      response.end("<html><body>bench</body></html>\n");
    });
  }
  return net.createServer((socket) => {
    socket.on("error", () => {});
    if (kind === "ssh") socket.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n");
    if (kind === "smtp") socket.write("220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n");
    if (kind === "ftp") socket.write("220 (vsFTPd 3.0.3)\r\n");
    socket.on("data", (data) => {
      const text = data.toString("latin1");
      if (kind === "redis") socket.write(/^PING/i.test(text) ? "+PONG\r\n" : "-ERR unknown command\r\n");
      if (kind === "smtp")
        socket.write(
          /^(EHLO|HELO)/i.test(text)
            ? "250-mail.example.test\r\n250 STARTTLS\r\n"
            : "502 5.5.2 Error: command not recognized\r\n",
        );
      if (kind === "ftp") socket.write("500 Unknown command.\r\n");
      if (kind === "ssh") socket.end("Protocol mismatch.\r\n");
    });
  });
}

async function loopbackSections(rows: string[], notes: string[]): Promise<void> {
  const ip = "127.0.0.66";
  const servers: net.Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < 25; i++) {
    const server = listener(KINDS[i % KINDS.length]!);
    await new Promise<void>((resolve) => server.listen({ port: 0, host: ip, backlog: 1024 }, () => resolve()));
    servers.push(server);
    ports.push((server.address() as net.AddressInfo).port);
  }
  try {
    if (!SKIP.has("a")) {
      log(`(a) loopback ${ip}, 25 listeners, 65,535 ports, --no-detect vs nmap -sT -T4 (load ${LOAD()})`);
      const result = await alternate(
        "(a)",
        () => ours(ip, "127.0.0.0/8", false),
        () => nmap(ip, false),
      );
      const [o, n] = [median(result.ours.map((r) => r.ms)), median(result.nmap.map((r) => r.ms))];
      const extra = extraPorts(result.ours, result.nmap);
      rows.push(
        `| (a) port discovery, loopback, 65,535 ports, 25 listeners | ${seconds(o)} | ${seconds(n)} (\`-sT -T4\`) | ${(o / n).toFixed(2)}× | ` +
          `${count(result.ours, (r) => r.open, ports)}/25 | ${count(result.nmap, (r) => r.open, ports)}/25 |`,
      );
      notes.push(`(a) ports ours reported open that nmap did not: ${extra.length === 0 ? "none" : extra.join(", ")}.`);
    }
    if (!SKIP.has("i")) {
      log(`(i) same host, find and identify: default CLI vs nmap -sT -sV -T4 (load ${LOAD()})`);
      const result = await alternate(
        "(i)",
        () => ours(ip, "127.0.0.0/8", true),
        () => nmap(ip, true),
      );
      const [o, n] = [median(result.ours.map((r) => r.ms)), median(result.nmap.map((r) => r.ms))];
      rows.push(
        `| (i) find and identify, same host | ${seconds(o)} | ${seconds(n)} (\`-sT -sV -T4\`) | ${(o / n).toFixed(2)}× | ` +
          `${count(result.ours, (r) => r.identified, ports)}/25 identified | ${count(result.nmap, (r) => r.identified, ports)}/25 identified |`,
      );
    }
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
  log(`(b) namespace host ${host.ip}, 10 open, every other port dropped (load ${LOAD()})`);
  try {
    await assertRoutedVia(host.ip, host.device);
    const result = await alternate(
      "(b)",
      () => ours(host.ip, host.cidr, false),
      () => nmap(host.ip, false),
    );
    const [o, n] = [median(result.ours.map((r) => r.ms)), median(result.nmap.map((r) => r.ms))];
    rows.push(
      `| (b) namespace host, all but 10 ports dropped | ${seconds(o)} | ${seconds(n)} (\`-sT -T4\`) | ${(o / n).toFixed(2)}× | ` +
        `${count(result.ours, (r) => r.open, open)}/10 | ${count(result.nmap, (r) => r.open, open)}/10 |`,
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

function agrees(
  found: { service: string | null; product: string | null; version: string | null },
  expected: Expected,
): boolean {
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
  const args = [
    "-sV",
    "-n",
    "-Pn",
    ...(tcp.length ? ["-sT"] : []),
    ...(udp.length ? ["-sU"] : []),
    "-p",
    portArg,
    "-oX",
    "-",
    host,
  ];
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
    rows.push(
      `| (c) detection agreement | skipped: test services unavailable (${(error as Error).message.split("\n")[0]}) | | | | |`,
    );
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
        detection = id
          ? {
              detectedService: id.detectedService,
              product: id.product,
              version: id.version,
              versionRevision: id.revision ?? null,
              tls: null,
              banner: null,
              facts: id.facts ?? {},
            }
          : null;
      }
      const ourFind = {
        service: detection?.detectedService ?? null,
        product: detection?.product ?? null,
        version: detection?.version ?? null,
      };
      const nmapFind = nmapResults.get(service.host)?.get(`${service.protocol}/${service.port}`) ?? {
        service: null,
        product: null,
        version: null,
      };
      if (agrees(ourFind, service.expected)) oursAgree.push(service.name);
      if (agrees(nmapFind, service.expected)) nmapAgree.push(service.name);
      const show = (f: typeof ourFind) => [f.service ?? "-", f.product ?? "", f.version ?? ""].join(" ").trim();
      details.push(
        `| ${service.name} ${service.port}/${service.protocol} | ${service.expected.detectedService} ${service.expected.product ?? ""} ${service.expected.version ?? ""} | ${show(ourFind)} | ${show(nmapFind)} |`,
      );
    }
    const total = services.length;
    const pct = (n: number) => `${n}/${total} (${total ? Math.round((100 * n) / total) : 0}%)`;
    rows.push(
      `| (c) detection agrees with expected service/product/version | ${pct(oursAgree.length)} | ${pct(nmapAgree.length)} | | | |`,
    );
    process.stdout.write(
      `\nDetection details (expected | ours | nmap -sV):\n\n| endpoint | expected | ours | nmap -sV |\n|---|---|---|---|\n${details.join("\n")}\n`,
    );
    if (started.skipped.length > 0) {
      process.stdout.write(`\nSkipped services: ${started.skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}\n`);
    }
  } finally {
    await started.stop();
  }
}

async function machine(): Promise<string> {
  const cpus = os.cpus();
  const nmapVersion = await run("nmap", ["--version"]).then(
    (r) => r.stdout.split("\n")[0]!,
    () => "nmap not installed",
  );
  return `Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, Linux ${os.release()}, Node ${process.version}, ${nmapVersion}, fd soft limit ${(await import("../lib/scanner/tcp/fd-limit")).fileDescriptorSoftLimit()}`;
}

async function main(): Promise<void> {
  try {
    await run("nmap", ["--version"]);
  } catch {
    throw new Error("nmap is not installed (apt-get install nmap): the benchmark compares against it");
  }
  const rows: string[] = [];
  const notes: string[] = [];
  if (!SKIP.has("a") || !SKIP.has("i")) await loopbackSections(rows, notes);
  if (!SKIP.has("b")) await netnsSection(rows);
  if (!SKIP.has("c")) await detectionSection(rows);
  process.stdout.write(
    `\n${await machine()}\nRuns per side: ${RUNS} (alternating), medians.\n\n` +
      `Load average at the end: ${LOAD()} (other processes share the machine: re-run when it is quiet).\n\n` +
      `| scenario (whole processes) | ours | nmap | ours / nmap | ours found | nmap found |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n` +
      (notes.length ? `\n${notes.join("\n")}\n` : ""),
  );
  // Child processes and servers are stopped; exit explicitly so a stray handle cannot keep us alive.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`bench-scan: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
