import dgram from "node:dgram";
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanHost } from "@/lib/scanner/scan-host";
import { scanHostUdp } from "@/lib/scanner/udp/udp-scan";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";

// Service probes are chosen by port number, so the fake services sit on their real ports, on a loopback
// address of their own (127.77.x.y) so they cannot collide with anything else on this machine.
const HOST = `127.77.${randomInt(1, 255)}.${randomInt(1, 255)}`;
const ALLOW = ["127.0.0.0/8"];
const FAST = { timeoutMs: 300, retries: 1 };
const sockets: dgram.Socket[] = [];
let dns: DnsServer;
let resolver: DnsServer;
// A second fake DNS server that advertises recursion (it never recurses: it answers only *.test names).
const RESOLVER_HOST = HOST.replace(/\.(\d+)$/, (_, last: string) => `.${(Number(last) % 254) + 1}`);

async function udpServer(port: number, reply: ((message: Buffer) => Buffer | null) | null): Promise<number> {
  const socket = dgram.createSocket("udp4");
  sockets.push(socket);
  socket.on("message", (message, remote) => {
    const answer = reply?.(message);
    if (answer) socket.send(answer, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", (error) =>
      reject(new Error(`cannot bind UDP ${HOST}:${port} (binding ports below 1024 needs root): ${error.message}`)),
    );
    socket.bind(port, HOST, () => resolve());
  });
  return socket.address().port;
}

async function closedUdpPort(): Promise<number> {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, HOST, () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dns = await startDnsServer({ "example.test": { A: ["127.0.0.2"] } }, HOST, 53);
  resolver = await startDnsServer({}, RESOLVER_HOST, 53, { advertiseRecursion: true });
  await udpServer(11211, (message) => Buffer.concat([message.subarray(0, 8), Buffer.from("VERSION 1.6.21\r\n")]));
});

afterAll(async () => {
  await dns.stop();
  await resolver.stop();
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe("UDP scan", () => {
  it("reports a port answering ICMP port unreachable as closed", async () => {
    const port = await closedUdpPort();
    const results = await scanHostUdp({ ip: HOST, family: 4, ports: [port], timing: FAST });
    expect(results.get(port)?.state).toBe("closed");
  });

  it("reports closed even when the probe sends several datagrams (the ICMP error surfaces on a send)", async () => {
    // The IKE probe sends an IKEv2 and an IKEv1 offer back to back; nothing listens on 500 here.
    const results = await scanHostUdp({ ip: HOST, family: 4, ports: [500], timing: FAST });
    expect(results.get(500)?.state).toBe("closed");
  });

  it("reports a silent port as open|filtered", async () => {
    const port = await udpServer(0, null);
    const results = await scanHostUdp({ ip: HOST, family: 4, ports: [port], timing: FAST });
    expect(results.get(port)).toEqual({ state: "open|filtered", identification: null, banner: null });
  });

  it("reports any answer as open, even from an unknown service", async () => {
    const port = await udpServer(0, () => Buffer.from("who are you?\n"));
    const results = await scanHostUdp({ ip: HOST, family: 4, ports: [port], timing: FAST });
    expect(results.get(port)).toMatchObject({ state: "open", identification: null, banner: "who are you?\\n" });
  });

  it("identifies DNS and memcached through scanHost, with the IANA names", async () => {
    const closed = await closedUdpPort();
    const { ports } = await scanHost(
      { ip: HOST, family: 4 },
      { ports: "1", udp: true, udpPorts: `53,11211,${closed}`, allowedCidrs: ALLOW, allStates: true, udpTiming: FAST },
    );
    const udp = ports.filter((p) => p.protocol === "udp");
    expect(udp.find((p) => p.port === 53)).toMatchObject({
      state: "open",
      detectedService: "domain",
      typicalService: "domain",
      facts: { recursionAvailable: false },
    });
    expect(udp.find((p) => p.port === 11211)).toMatchObject({
      state: "open",
      detectedService: "memcache",
      product: "Memcached",
      version: "1.6.21",
    });
    expect(udp.find((p) => p.port === closed)).toMatchObject({ state: "closed" });
  });

  it("tells a server that offers recursion to outsiders (open resolver) from an authoritative one", async () => {
    const scanDns = async (ip: string) =>
      (
        await scanHost(
          { ip, family: 4 },
          { ports: "1", udp: true, udpPorts: "53", allowedCidrs: ALLOW, udpTiming: FAST },
        )
      ).ports.find((p) => p.protocol === "udp" && p.port === 53);
    expect(await scanDns(RESOLVER_HOST)).toMatchObject({
      detectedService: "domain",
      facts: { recursionAvailable: true },
    });
    expect(await scanDns(HOST)).toMatchObject({ detectedService: "domain", facts: { recursionAvailable: false } });
    // Only the CHAOS version.bind question was asked: the probe never asks a server to resolve a real name.
    expect(resolver.queries.every((q) => q === "TXT version.bind")).toBe(true);
  });
});
