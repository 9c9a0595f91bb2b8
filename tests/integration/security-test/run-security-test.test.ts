import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, waitFor, type Pipeline } from "../pipeline/pipeline-harness";
import { listen } from "../pipeline/loopback-services";
import { startDnsServer } from "@/tests/helpers/dns-server";
import { db } from "@/lib/db/client";
import { getSecurityTest } from "@/lib/security-test/get-security-test";
import { startSecurityTest } from "@/lib/security-test/start-security-test";

/**
 * The public security test end to end through the local executor: a domain resolving (through a test
 * DNS server) to a loopback address with SSH and a web server; its www. host is another address that
 * the light test must not touch.
 */
const IPS = { main: "127.78.0.21", www: "127.78.0.22" };

let pipeline: Pipeline;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const ssh = await listen(IPS.main, "ssh");
  const web = await listen(IPS.main, "http");
  const wwwSsh = await listen(IPS.www, "ssh");
  closers.push(ssh.close, web.close, wwwSsh.close);
  const dns = await startDnsServer({
    "shop.example.test": { A: [IPS.main] },
    "www.shop.example.test": { A: [IPS.www] },
  });
  closers.push(dns.stop);
  process.env.SCAN_ALLOWED_CIDRS = "127.0.0.0/8";
  process.env.SCANNER_DNS_SERVERS = dns.address;
  process.env.SECURITY_TEST_PORTS = `${ssh.service.port},${web.service.port},${wwwSsh.service.port}`;
  pipeline = await startPipeline();
  closers.unshift(() => pipeline.close());
});

afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
});

const finished = (id: string) =>
  waitFor(`security test ${id}`, async () => {
    const test = await getSecurityTest(id);
    return test && test.status !== "QUEUED" && test.status !== "RUNNING" ? test : null;
  });

describe("the public security test through the executor", () => {
  it("scans the main address only and keeps the teaser: grade, open ports, riskiest classes — no addresses, banners or versions", async () => {
    const { id } = await startSecurityTest({ domain: "shop.example.test", ip: "192.0.2.1", now: new Date() });
    const result = await finished(id);
    expect(result).toMatchObject({
      status: "COMPLETED",
      teaser: {
        openPorts: 2,
        // Worst first: SSH on an unexpected port, then plain HTTP.
        riskiestClasses: [
          {
            serviceClass: "remote-administration",
            title: "Remote administration login reachable from the internet",
            severity: "medium",
            ports: 1,
          },
          { serviceClass: "web-cleartext", title: "Web server without HTTPS", severity: "low", ports: 1 },
        ],
      },
    });
    if (result.status !== "COMPLETED") throw new Error("not completed");
    expect(result.teaser.grade).toMatch(/^[A-F]$/);
    const stored = JSON.stringify(await db.securityTest.findUniqueOrThrow({ where: { id } }));
    for (const secret of [IPS.main, IPS.www, "OpenSSH", "9.6", "Debian"]) expect(stored).not.toContain(secret);
    // The light test stores nothing in the customers' tables.
    expect(await db.host.count()).toBe(0);
    expect(await db.portInterval.count()).toBe(0);
  });

  it("gives a domain that does not resolve to a scannable address the same message as a monitored asset", async () => {
    const { id } = await startSecurityTest({ domain: "nowhere.example.test", ip: "192.0.2.1", now: new Date() });
    expect(await finished(id)).toMatchObject({
      status: "FAILED",
      failure:
        "nowhere.example.test was not scanned: it does not resolve to a public address that Portwatch may scan. Check its DNS A and AAAA records.",
    });
  });
});
