/**
 * Regression: a connect to a port of our own machine can complete with itself when the kernel picks
 * that port as the source port (TCP simultaneous open). Such a "port" was reported open. Inside a
 * namespace of our own, the ephemeral range is narrowed to 40000–40001, so a connect to
 * 127.0.0.1:40000 takes source port 40000 and meets itself every time; nothing listens there.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { netnsSkipReason } from "@/tests/helpers/netns";

const run = promisify(execFile);
const skipReason = await netnsSkipReason();
if (skipReason) console.warn(`skipping the self-connection test: ${skipReason}`);

const PORT = 40000;
const namespace = `pwself${randomBytes(3).toString("hex")}`;

function inNamespace(command: string, args: string[], env: Record<string, string> = {}) {
  return run("ip", ["netns", "exec", namespace, command, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, SCAN_ALLOWED_CIDRS: "127.0.0.0/8", ...env },
    timeout: 60_000,
  });
}

/** What the kernel itself does: connect() succeeds and the socket's own address is the peer. */
const RAW_CONNECT = `
const net = require("node:net");
const s = net.connect({ host: "127.0.0.1", port: ${PORT}, family: 4 });
s.on("connect", () => { console.log(JSON.stringify({ connected: true, local: s.localPort, remote: s.remotePort })); s.destroy(); });
s.on("error", (e) => console.log(JSON.stringify({ connected: false, code: e.code })));`;

describe.skipIf(skipReason !== null)("a TCP connection to itself", () => {
  beforeAll(async () => {
    await run("ip", ["netns", "add", namespace]);
    await run("ip", ["netns", "exec", namespace, "ip", "link", "set", "lo", "up"]);
    await run("ip", [
      "netns",
      "exec",
      namespace,
      "sysctl",
      "-q",
      "-w",
      `net.ipv4.ip_local_port_range=${PORT} ${PORT + 1}`,
    ]);
  });

  afterAll(async () => {
    await run("ip", ["netns", "del", namespace]).catch(() => {});
  });

  it("really happens in the test namespace (the case is exercised, not assumed)", async () => {
    const { stdout } = await inNamespace(process.execPath, ["-e", RAW_CONNECT]);
    expect(JSON.parse(stdout)).toEqual({ connected: true, local: PORT, remote: PORT });
  });

  it.each([
    ["fast handle connector", {}],
    ["net.Socket connector", { SCANNER_TCP_CONNECTOR: "socket" }],
  ])("is reported closed, not open, by the scan (%s)", async (_name, env) => {
    const { stdout } = await inNamespace(
      "npx",
      ["tsx", "scripts/scan.ts", "--json", "--all-states", "--ports", String(PORT), "127.0.0.1"],
      env,
    );
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { port: number; state: string });
    expect(lines.map(({ port, state }) => ({ port, state }))).toEqual([{ port: PORT, state: "closed" }]);
  });
});
