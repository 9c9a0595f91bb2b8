import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanHost } from "@/lib/scanner/scan-host";
import { createHandleConnector } from "@/lib/scanner/tcp/handle-connector";
import { InFlightBudget } from "@/lib/scanner/tcp/inflight-budget";
import { scanTcp } from "@/lib/scanner/tcp/scan-tcp";
import { DEFAULT_TCP_TIMING } from "@/lib/scanner/tcp/tcp-timing";
import { socketConnector } from "@/lib/scanner/tcp/socket-connector";
import { TargetRefusedError } from "@/lib/scanner/types";

const HOST = "127.0.0.3";
const ALLOW = ["127.0.0.0/8"];
const servers: net.Server[] = [];

async function listen(host: string, port = 0, greeting = "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"): Promise<number> {
  const server = net.createServer((socket) => {
    socket.on("error", () => {});
    socket.end(greeting);
  });
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

/** A port nobody listens on: bound then released, so the kernel answers RST. */
async function closedPort(host: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let openPorts: number[] = [];
let closedPorts: number[] = [];

beforeAll(async () => {
  openPorts = [await listen(HOST), await listen(HOST), await listen(HOST)];
  closedPorts = [await closedPort(HOST), await closedPort(HOST)];
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const handleConnector = createHandleConnector();
afterAll(() => handleConnector?.dispose?.());
const connectors = [
  ["net.Socket", socketConnector],
  ["tcp_wrap handle (pooled)", handleConnector],
] as const;

describe.each(connectors)("TCP connect scan on loopback (%s connector)", (_name, connector) => {
  it.skipIf(connector === null)("reports open ports, with detection and the IANA service", async () => {
    const spec = [...openPorts, ...closedPorts].join(",");
    const result = await scanHost({ ip: HOST, family: 4 }, { ports: spec, allowedCidrs: ALLOW, connector: connector! });
    expect(result.catchAll).toBeNull();
    expect(result.ports.map((p) => p.port)).toEqual([...openPorts].sort((a, b) => a - b));
    for (const port of result.ports) {
      expect(port).toMatchObject({
        target: HOST,
        ip: HOST,
        protocol: "tcp",
        state: "open",
        detectedService: "ssh",
        product: "OpenSSH",
      });
    }
  });

  it.skipIf(connector === null)("with allStates lists closed ports as closed", async () => {
    const spec = [...openPorts, ...closedPorts].join(",");
    const result = await scanHost(
      { ip: HOST, family: 4 },
      { ports: spec, allowedCidrs: ALLOW, allStates: true, detection: false, connector: connector! },
    );
    const states = Object.fromEntries(result.ports.map((p) => [p.port, p.state]));
    for (const port of openPorts) expect(states[port]).toBe("open");
    for (const port of closedPorts) expect(states[port]).toBe("closed");
  });
});

describe("scanHost", () => {
  it("reports a host answering on every probed port as catch-all instead of listing ports", async () => {
    const host = "127.0.0.4";
    const probes = [await listen(host), await listen(host), await listen(host)];
    const result = await scanHost(
      { ip: host, family: 4 },
      { ports: "1-200", allowedCidrs: ALLOW, catchAllProbePorts: probes, detection: false },
    );
    expect(result.catchAll).toEqual({ target: host, ip: host, probedPorts: probes });
    expect(result.ports).toEqual([]);
  });

  it("does not call a host catch-all when one probe port is closed", async () => {
    const host = "127.0.0.4";
    const probes = [await listen(host), await closedPort(host)];
    const result = await scanHost(
      { ip: host, family: 4 },
      { ports: "1-200", allowedCidrs: ALLOW, catchAllProbePorts: probes, detection: false },
    );
    expect(result.catchAll).toBeNull();
  });

  it("refuses a non-public address before sending anything", async () => {
    await expect(scanHost({ ip: "127.0.0.3", family: 4 }, { ports: "80", allowedCidrs: [] })).rejects.toThrow(
      TargetRefusedError,
    );
    await expect(scanHost({ ip: "169.254.169.254", family: 4 }, { ports: "80", allowedCidrs: ALLOW })).rejects.toThrow(
      /169.254.169.254/,
    );
  });

  it("rejects a bad port specification with a clear error", async () => {
    await expect(scanHost({ ip: HOST, family: 4 }, { ports: "1-99999", allowedCidrs: ALLOW })).rejects.toThrow(
      /1-65535/,
    );
  });

  it("stops promptly when aborted", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const scan = scanHost(
      { ip: HOST, family: 4 },
      {
        ports: "all",
        allowedCidrs: ALLOW,
        signal: controller.signal,
        detection: false,
        timing: { maxWindowPerHost: 16 },
      },
    );
    setTimeout(() => controller.abort(new Error("stop now")), 50);
    await expect(scan).rejects.toThrow("stop now");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("splits a full scan over worker threads and still finds every open port once", async () => {
    const seen: number[] = [];
    const result = await scanHost(
      { ip: HOST, family: 4 },
      {
        ports: "all",
        allowedCidrs: ALLOW,
        threads: 2,
        detection: false,
        allStates: true,
        onProgress: (p) => seen.push(p.portsScanned),
      },
    );
    expect(result.ports).toHaveLength(65_535);
    const open = result.ports.filter((p) => p.state === "open").map((p) => p.port);
    for (const port of openPorts) expect(open).toContain(port);
    for (const port of closedPorts) expect(result.ports.find((p) => p.port === port)?.state).toBe("closed");
    expect(seen.at(-1)).toBe(65_535);
  });

  it("adds a worker thread by itself for a full loopback scan, and only with a spare core", async () => {
    const all = Array.from({ length: 65_535 }, (_, i) => i + 1);
    const scan = (ports: number[], spareCores: InFlightBudget) =>
      scanTcp({
        target: HOST,
        ip: HOST,
        family: 4,
        ports,
        timing: DEFAULT_TCP_TIMING,
        budget: new InFlightBudget(4_096),
        spareCores,
      });

    const cores = new InFlightBudget(1);
    const parallel = await scan(all, cores);
    expect(parallel.stats?.threads).toBe(2);
    expect(parallel.states.size).toBe(65_535);
    for (const port of openPorts) expect(parallel.states.get(port)).toBe("open");
    for (const port of closedPorts) expect(parallel.states.get(port)).toBe("closed");
    expect(cores.inUse).toBe(0);

    expect((await scan(all, new InFlightBudget(0))).stats?.threads).toBe(1);
    expect((await scan(all.slice(0, 1_000), new InFlightBudget(1))).stats?.threads).toBe(1);
  });

  it("reports progress up to the full port count", async () => {
    const seen: number[] = [];
    await scanHost(
      { ip: HOST, family: 4 },
      { ports: "1-300", allowedCidrs: ALLOW, detection: false, onProgress: (p) => seen.push(p.portsScanned) },
    );
    expect(seen.at(-1)).toBe(300);
  });
});
