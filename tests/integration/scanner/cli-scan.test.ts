import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typicalService } from "@/lib/scanner/typical-services";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";

const run = promisify(execFile);
const HOST = "127.0.0.2";
let dns: DnsServer;
let server: net.Server;
let openPort = 0;
let closedPort = 0;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function scanCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "scan", "--", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, SCAN_ALLOWED_CIDRS: "127.0.0.0/8", SCANNER_DNS_SERVERS: dns.address, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dns = await startDnsServer({
    "example.test": { A: [HOST] },
    "internal.test": { A: ["10.20.30.40"] },
  });
  server = net.createServer((socket) => {
    socket.on("error", () => {});
    socket.end("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  openPort = (server.address() as net.AddressInfo).port;
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, HOST, () => resolve()));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await dns.stop();
  await new Promise((resolve) => server.close(resolve));
});

describe("npm run scan", () => {
  it("--json prints one object per open port for a domain resolved through the test DNS server", async () => {
    const result = await scanCli(["--json", "--ports", `${openPort},${closedPort}`, "example.test"]);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        target: "example.test",
        ip: HOST,
        port: openPort,
        protocol: "tcp",
        state: "open",
        ...typicalService(openPort, "tcp"),
        detectedService: "ssh",
        product: "OpenSSH",
        version: "9.2p1",
        versionRevision: "Debian-2",
        tls: null,
        banner: expect.stringContaining("SSH-2.0-OpenSSH_9.2p1"),
      },
    ]);
  });

  it("--no-detect finds the open port without identifying it", async () => {
    const result = await scanCli(["--json", "--no-detect", "--ports", `${openPort},${closedPort}`, "example.test"]);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ port: openPort, state: "open", detectedService: null, product: null, banner: null }),
    ]);
  });

  it("--all-states adds the closed port", async () => {
    const result = await scanCli(["--json", "--all-states", "--ports", `${openPort},${closedPort}`, "example.test"]);
    const states = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
      .map((r) => [r.port, r.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        [openPort, "open"],
        [closedPort, "closed"],
      ]),
    );
  });

  it("prints a readable table by default", async () => {
    const result = await scanCli(["--ports", String(openPort), HOST]);
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.trim().split("\n");
    expect(header).toMatch(
      /^TARGET\s+IP\s+PORT\s+STATE\s+TYPICAL\s+IANA\s+DETECTED\s+PRODUCT\s+VERSION\s+TLS\s+NOTES$/,
    );
    expect(row).toMatch(
      new RegExp(
        `^${HOST.replace(/\./g, "\\.")}\\s+${HOST.replace(/\./g, "\\.")}\\s+${openPort}/tcp\\s+open\\s+.*ssh\\s+OpenSSH\\s+9\\.2p1`,
      ),
    );
  });

  it("exits non-zero with the reason when the domain resolves to a private address", async () => {
    const result = await scanCli(["--json", "--ports", "22", "internal.test"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("10.20.30.40 is in 10.0.0.0/8");
    expect(result.stdout).toBe("");
  });

  it("exits non-zero for an unresolvable target and for loopback without the allow-list", async () => {
    const missing = await scanCli(["--ports", "22", "missing.test"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/missing\.test cannot be resolved/);
    const loopback = await scanCli(["--ports", "22", HOST], { SCAN_ALLOWED_CIDRS: "" });
    expect(loopback.code).not.toBe(0);
    expect(loopback.stderr).toContain("127.0.0.0/8 (loopback");
  });

  it("rejects bad arguments with usage and exit code 2", async () => {
    const result = await scanCli(["--ports", "70000", "example.test"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ports are 1-65535/);
    expect(result.stderr).toContain("Usage:");
  });
});
