import { describe, expect, it } from "vitest";
import { parseDnsServers } from "@/lib/scanner/targets/dns-servers";
import { parseTarget } from "@/lib/scanner/targets/parse-target";

describe("parseTarget", () => {
  it("recognises IP literals and canonicalises them", () => {
    expect(parseTarget("192.0.2.1")).toMatchObject({ ok: true, target: { kind: "ip", ip: "192.0.2.1", family: 4 } });
    expect(parseTarget("[2001:DB8:0::1]")).toMatchObject({
      ok: true,
      target: { kind: "ip", ip: "2001:db8::1", family: 6 },
    });
  });

  it("accepts domain names, lower-cased, trailing dot dropped, IDN in punycode", () => {
    expect(parseTarget("Example.TEST.")).toMatchObject({
      ok: true,
      target: { kind: "domain", hostname: "example.test" },
    });
    expect(parseTarget("bücher.test")).toMatchObject({
      ok: true,
      target: { kind: "domain", hostname: "xn--bcher-kva.test" },
    });
  });

  it.each([
    ["", /empty/],
    ["http://example.test/", /not a URL|neither/],
    ["example.test:80", /neither/],
    ["localhost", /fully qualified/],
    ["127.1", /IPv4 literal/],
    ["0x7f.1", /IPv4 literal/],
    ["2130706433", /IPv4 literal/],
    ["-bad.test", /label/],
    ["a..test", /label|valid/],
    ["fe80::1%eth0", /zone/],
    [`${"a".repeat(64)}.test`, /label/],
  ])("refuses %j with a clear message", (input, message) => {
    const result = parseTarget(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("parseDnsServers", () => {
  it("parses host:port lists including bracketed IPv6", () => {
    expect(parseDnsServers("127.0.0.1:5353, [::1]:53,127.0.0.2, ::1")).toEqual([
      "127.0.0.1:5353",
      "[::1]:53",
      "127.0.0.2:53",
      "[::1]:53",
    ]);
    expect(parseDnsServers(undefined)).toEqual([]);
  });

  it.each(["dns.test:53", "127.0.0.1:0", "127.0.0.1:70000", "[::1", "::1:53:x"])("rejects %j", (text) => {
    expect(() => parseDnsServers(text)).toThrow(/invalid DNS server/);
  });
});
