import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan, type ScanEvent } from "@/lib/scanner/scan";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";

const HOST = "127.0.0.5";
let dns: DnsServer;
let server: net.Server;
let port = 0;

beforeAll(async () => {
  dns = await startDnsServer({ "app.test": { A: [HOST] }, "lan.test": { A: ["192.168.10.10"] } });
  server = net.createServer((socket) => socket.on("error", () => {}).end("220 ready\r\n"));
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await dns.stop();
  await new Promise((resolve) => server.close(resolve));
});

const options = () => ({
  dnsServers: [dns.address],
  allowedCidrs: ["127.0.0.0/8"],
  detection: false,
  ports: String(port),
});

describe("scan() event stream", () => {
  it("streams refusals, hosts and ports for several targets", async () => {
    const events: ScanEvent[] = [];
    for await (const event of scan(["app.test", "lan.test", "not a target"], options())) events.push(event);
    const refused = events.filter((e) => e.type === "target-refused");
    expect(refused.map((e) => e.type === "target-refused" && e.target)).toEqual(["lan.test", "not a target"]);
    expect(events.find((e) => e.type === "target-refused" && e.target === "lan.test")).toMatchObject({
      error: { reason: "non-public-address", message: expect.stringContaining("192.168.0.0/16") },
    });
    const ports = events.flatMap((e) => (e.type === "port" ? [e.result] : []));
    expect(ports).toEqual([expect.objectContaining({ target: "app.test", ip: HOST, port, state: "open" })]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["host-started", "port", "host-done"]));
  });

  it("stops scanning when the consumer leaves the loop", async () => {
    let scanned = 0;
    const slow = {
      ...options(),
      ports: "all",
      timing: { maxWindowPerHost: 4 },
      onProgress: (p: { portsScanned: number }) => (scanned = p.portsScanned),
    };
    for await (const event of scan(["app.test"], slow)) {
      if (event.type === "host-started") break;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterBreak = scanned;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scanned).toBe(afterBreak);
    expect(scanned).toBeLessThan(65_535);
  });

  it("rejects a bad port specification before scanning anything", () => {
    expect(() => scan(["app.test"], { ...options(), ports: "0-5" })).toThrow(/1-65535/);
  });
});
