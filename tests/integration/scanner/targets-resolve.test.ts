import dgram from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTarget } from "@/lib/scanner/targets/resolve-target";
import { TargetRefusedError, type RefusedAddress } from "@/lib/scanner/types";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";

let dns: DnsServer;
const ALLOW = ["127.0.0.0/8"];

beforeAll(async () => {
  dns = await startDnsServer({
    "example.test": { A: ["127.0.0.2"], MX: [{ preference: 10, exchange: "mail.example.test" }] },
    "www.example.test": { A: ["127.0.0.3"] },
    "mail.example.test": { A: ["127.0.0.4", "127.0.0.2"] },
    "private.test": { A: ["10.1.2.3"] },
    "metadata.test": { A: ["169.254.169.254"] },
    "mixed.test": { A: ["127.0.0.5", "192.168.1.1"] },
    "six.test": { AAAA: ["::1"] },
    "textonly.test": { TXT: ["hello"] },
  });
});

afterAll(async () => {
  await dns.stop();
});

const options = () => ({ dnsServers: [dns.address], allowedCidrs: ALLOW });

async function refusal(promise: Promise<unknown>): Promise<TargetRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TargetRefusedError) return error;
    throw error;
  }
  throw new Error("expected TargetRefusedError");
}

describe("resolveTarget", () => {
  it("resolves a domain through the configured DNS server", async () => {
    expect(await resolveTarget("example.test", options())).toEqual([
      { ip: "127.0.0.2", family: 4, hostname: "example.test", discovered: false },
    ]);
    expect(dns.queries).toContain("A example.test");
    expect(dns.queries).toContain("AAAA example.test");
  });

  it("reads SCANNER_DNS_SERVERS and SCAN_ALLOWED_CIDRS from the environment", async () => {
    const env = { SCANNER_DNS_SERVERS: dns.address, SCAN_ALLOWED_CIDRS: "127.0.0.0/8" };
    expect((await resolveTarget("example.test", { env })).map((a) => a.ip)).toEqual(["127.0.0.2"]);
  });

  it("discovers the www. and MX hosts, flagged and de-duplicated", async () => {
    const addresses = await resolveTarget("example.test", { ...options(), discovery: true });
    expect(addresses).toEqual([
      { ip: "127.0.0.2", family: 4, hostname: "example.test", discovered: false },
      { ip: "127.0.0.3", family: 4, hostname: "www.example.test", discovered: true },
      { ip: "127.0.0.4", family: 4, hostname: "mail.example.test", discovered: true },
    ]);
  });

  it("refuses a domain resolving to a private address, naming address and range", async () => {
    const error = await refusal(resolveTarget("private.test", options()));
    expect(error.reason).toBe("non-public-address");
    expect(error.message).toContain("10.1.2.3");
    expect(error.message).toContain("10.0.0.0/8");
    expect((await refusal(resolveTarget("metadata.test", options()))).message).toContain("169.254.169.254");
  });

  it("refuses loopback answers unless the range is allowed", async () => {
    const error = await refusal(resolveTarget("example.test", { dnsServers: [dns.address], allowedCidrs: [] }));
    expect(error.message).toMatch(/127\.0\.0\.2 is in 127\.0\.0\.0\/8/);
    expect((await refusal(resolveTarget("six.test", options()))).message).toContain("::1/128");
  });

  it("drops refused addresses of a mixed answer and reports them", async () => {
    const refused: RefusedAddress[] = [];
    const addresses = await resolveTarget("mixed.test", { ...options(), onRefusedAddress: (r) => refused.push(r) });
    expect(addresses.map((a) => a.ip)).toEqual(["127.0.0.5"]);
    expect(refused).toEqual([expect.objectContaining({ ip: "192.168.1.1", hostname: "mixed.test" })]);
    expect(refused[0]!.reason).toContain("192.168.0.0/16");
  });

  it("reports unknown names and names without addresses as unresolvable", async () => {
    const nx = await refusal(resolveTarget("missing.test", options()));
    expect(nx.reason).toBe("unresolvable");
    expect(nx.message).toContain("missing.test");
    expect((await refusal(resolveTarget("textonly.test", options()))).reason).toBe("unresolvable");
  });

  it("reports a resolver that does not answer as unresolvable, with the cause", async () => {
    const silent = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", () => resolve()));
    try {
      const error = await refusal(
        resolveTarget("example.test", {
          dnsServers: [`127.0.0.1:${silent.address().port}`],
          allowedCidrs: ALLOW,
          dnsTimeoutMs: 200,
        }),
      );
      expect(error.reason).toBe("unresolvable");
      expect(error.message).toMatch(/ETIMEOUT|ECONNREFUSED/);
    } finally {
      silent.close();
    }
  });

  it("refuses invalid targets and bad settings without resolving", async () => {
    expect((await refusal(resolveTarget("not a host", options()))).reason).toBe("invalid-target");
    expect((await refusal(resolveTarget("example.test", { dnsServers: ["nonsense"] }))).message).toMatch(
      /invalid DNS server/,
    );
    expect((await refusal(resolveTarget("127.0.0.1", { allowedCidrs: ["127.0.0.0/99"] }))).message).toMatch(
      /prefix length/,
    );
  });

  it("checks IP literals against the policy too", async () => {
    expect(await resolveTarget("127.0.0.9", options())).toEqual([
      { ip: "127.0.0.9", family: 4, hostname: "127.0.0.9", discovered: false },
    ]);
    expect((await refusal(resolveTarget("192.168.0.1", options()))).reason).toBe("non-public-address");
    expect((await refusal(resolveTarget("::ffff:10.0.0.1", options()))).message).toContain("10.0.0.0/8");
  });
});
