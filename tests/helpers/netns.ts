/**
 * A throw-away network namespace reachable over a veth pair, for scans that must not touch real
 * networks: addresses come from 198.18.0.0/15 (benchmarking, RFC 2544) and exist only on the veth.
 * Before anything connects, `ip route get` must show the route going through our own veth device;
 * otherwise the packet would leave the machine through the default gateway, so we abort.
 * Requires root, iproute2 and iptables (nf_tables backend is fine).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface NetnsHost {
  namespace: string;
  /** Address of the host side of the veth (our side). */
  localIp: string;
  /** Address inside the namespace: the scan target. */
  ip: string;
  /** Our side of the veth pair: every route to `ip` must use it. */
  device: string;
  /** The /30 to opt into the scanner policy (198.18/15 is refused by default). */
  cidr: string;
  openPorts: number[];
  stop(): Promise<void>;
}

export interface NetnsOptions {
  /** TCP ports a Node listener accepts on inside the namespace. */
  openPorts: number[];
  /** DROP every other TCP packet (filtered ports). Default true. */
  dropOthers?: boolean;
  /** Redirect every TCP port to the first open port: a host answering on all ports. */
  catchAll?: boolean;
}

/** Why netns tests cannot run here, or null when they can. */
export async function netnsUnavailableReason(): Promise<string | null> {
  if (process.platform !== "linux") return "network namespaces need Linux";
  if (process.getuid?.() !== 0) return "network namespaces need root";
  for (const binary of ["ip", "iptables"]) {
    if (!(await which(binary)))
      return `${binary} is not installed (apt-get install ${binary === "ip" ? "iproute2" : binary})`;
  }
  const probe = `pwchk${randomBytes(3).toString("hex")}`;
  try {
    await run("ip", ["netns", "add", probe]);
    await run("ip", ["netns", "exec", probe, "iptables", "-L", "INPUT", "-n"]);
  } catch (error) {
    return `cannot create a network namespace with iptables: ${(error as Error).message.split("\n")[0]}`;
  } finally {
    await run("ip", ["netns", "del", probe]).catch(() => {});
  }
  return null;
}

async function which(binary: string): Promise<boolean> {
  for (const dir of ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"]) {
    if (existsSync(`${dir}/${binary}`)) return true;
  }
  return false;
}

async function pickFreeSubnet(): Promise<{ base: string; local: string; remote: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const third = randomInt(100, 250);
    const fourth = randomInt(0, 64) * 4;
    const base = `198.18.${third}.${fourth}`;
    const { stdout } = await run("ip", ["-o", "-4", "addr", "show", "to", `${base}/30`]);
    const routes = await run("ip", ["-o", "-4", "route", "show", "to", "match", `${base}`]);
    const inUse = stdout.trim() !== "" || routes.stdout.split("\n").some((line) => line.includes(`${base}/30`));
    if (!inUse) return { base, local: `198.18.${third}.${fourth + 1}`, remote: `198.18.${third}.${fourth + 2}` };
  }
  throw new Error("no free /30 in 198.18.0.0/15 for a test namespace");
}

/** Fails unless the kernel routes `ip` out of `device`. Call before every scan of a namespace host. */
export async function assertRoutedVia(ip: string, device: string): Promise<void> {
  const { stdout } = await run("ip", ["-o", "route", "get", ip]);
  if (!new RegExp(`\\bdev ${device}\\b`).test(stdout)) {
    throw new Error(`refusing to continue: route to ${ip} does not use ${device}: ${stdout.trim()}`);
  }
}

const LISTENER = `
const net = require("net");
const ports = JSON.parse(process.argv[1]);
let ready = 0;
for (const port of ports) {
  const server = net.createServer((socket) => { socket.on("error", () => {}); socket.end("hello\\r\\n"); });
  server.listen({ port, host: "0.0.0.0", backlog: 4096 }, () => { if (++ready === ports.length) console.log("ready"); });
}
process.on("SIGTERM", () => process.exit(0));
`;

export async function startNetnsHost(options: NetnsOptions): Promise<NetnsHost> {
  const id = randomBytes(4).toString("hex");
  const namespace = `pwns${id}`;
  const hostDevice = `pwh${id}`;
  const nsDevice = `pwn${id}`;
  const { base, local, remote } = await pickFreeSubnet();
  let listener: ChildProcess | null = null;

  const cleanup = async () => {
    if (listener?.pid && listener.exitCode === null) {
      listener.kill("SIGTERM");
      await new Promise((resolve) => listener!.once("exit", resolve));
    }
    await run("ip", ["netns", "del", namespace]).catch(() => {});
    await run("ip", ["link", "del", hostDevice]).catch(() => {});
  };

  try {
    const exec = (...args: string[]) => run("ip", ["netns", "exec", namespace, ...args]);
    await run("ip", ["netns", "add", namespace]);
    await run("ip", ["link", "add", hostDevice, "type", "veth", "peer", "name", nsDevice]);
    await run("ip", ["link", "set", nsDevice, "netns", namespace]);
    await run("ip", ["addr", "add", `${local}/30`, "dev", hostDevice]);
    await run("ip", ["link", "set", hostDevice, "up"]);
    await run("ip", ["-n", namespace, "addr", "add", `${remote}/30`, "dev", nsDevice]);
    await run("ip", ["-n", namespace, "link", "set", nsDevice, "up"]);
    await run("ip", ["-n", namespace, "link", "set", "lo", "up"]);
    await assertRoutedVia(remote, hostDevice);

    const open = [...new Set(options.openPorts)];
    if (options.catchAll) {
      await exec(
        "iptables",
        "-t",
        "nat",
        "-A",
        "PREROUTING",
        "-p",
        "tcp",
        "-j",
        "REDIRECT",
        "--to-ports",
        String(open[0]),
      );
    } else if (options.dropOthers !== false) {
      for (const port of open)
        await exec("iptables", "-A", "INPUT", "-p", "tcp", "--dport", String(port), "-j", "ACCEPT");
      await exec("iptables", "-A", "INPUT", "-p", "tcp", "-j", "DROP");
    }

    listener = spawn("ip", ["netns", "exec", namespace, process.execPath, "-e", LISTENER, JSON.stringify(open)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let stderr = "";
      listener!.stderr!.on("data", (chunk) => (stderr += chunk));
      listener!.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve());
      listener!.once("exit", (code) => reject(new Error(`namespace listener exited (${code}): ${stderr}`)));
    });
    await assertRoutedVia(remote, hostDevice);
    return {
      namespace,
      device: hostDevice,
      localIp: local,
      ip: remote,
      cidr: `${base}/30`,
      openPorts: open,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Skip netns tests with a reason outside CI; in CI a missing prerequisite must fail the run. */
export async function netnsSkipReason(): Promise<string | null> {
  const reason = await netnsUnavailableReason();
  if (reason && process.env.CI === "true") throw new Error(`netns tests cannot run in CI: ${reason}`);
  return reason;
}
