import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AddressPolicy } from "@/lib/scanner/policy/address-policy";
import { parseCidr, parseCidrList } from "@/lib/scanner/policy/cidr-list";
import { embeddedIpv4 } from "@/lib/scanner/policy/embedded-ipv4";
import { canonicalIp, ipv6ToBytes } from "@/lib/scanner/policy/ip-address";

const strict = new AddressPolicy();

const REFUSED: [string, string][] = [
  ["0.0.0.0", "0.0.0.0/8"],
  ["0.1.2.3", "0.0.0.0/8"],
  ["10.0.0.1", "10.0.0.0/8"],
  ["10.255.255.255", "10.0.0.0/8"],
  ["100.64.0.1", "100.64.0.0/10"],
  ["100.127.255.254", "100.64.0.0/10"],
  ["127.0.0.1", "127.0.0.0/8"],
  ["127.255.0.9", "127.0.0.0/8"],
  ["169.254.169.254", "169.254.169.254/32"],
  ["169.254.1.1", "169.254.0.0/16"],
  ["172.16.0.1", "172.16.0.0/12"],
  ["172.31.255.255", "172.16.0.0/12"],
  ["192.0.0.8", "192.0.0.0/24"],
  ["192.0.2.10", "192.0.2.0/24"],
  ["192.88.99.1", "192.88.99.0/24"],
  ["192.168.1.1", "192.168.0.0/16"],
  ["198.18.0.1", "198.18.0.0/15"],
  ["198.19.255.255", "198.18.0.0/15"],
  ["198.51.100.7", "198.51.100.0/24"],
  ["203.0.113.200", "203.0.113.0/24"],
  ["224.0.0.1", "224.0.0.0/4"],
  ["239.255.255.250", "224.0.0.0/4"],
  ["240.0.0.1", "240.0.0.0/4"],
  ["255.255.255.255", "255.255.255.255/32"],
  ["::", "::/128"],
  ["::1", "::1/128"],
  ["fc00::1", "fc00::/7"],
  ["fd12:3456::1", "fc00::/7"],
  ["fe80::1", "fe80::/10"],
  ["febf::1", "fe80::/10"],
  ["fec0::1", "fec0::/10"],
  ["ff02::1", "ff00::/8"],
  ["2001:db8::1", "2001:db8::/32"],
  ["2001:0:4136:e378::1", "2001::/23"],
  ["2001:10::1", "2001::/23"],
  ["100::1", "100::/64"],
  ["64:ff9b:1::1", "64:ff9b:1::/48"],
  ["3fff::1", "3fff::/20"],
  ["5f00::1", "5f00::/16"],
  ["::ffff:127.0.0.1", "127.0.0.0/8"],
  ["::ffff:7f00:1", "127.0.0.0/8"],
  ["::ffff:10.1.2.3", "10.0.0.0/8"],
  ["::ffff:169.254.169.254", "169.254.169.254/32"],
  ["64:ff9b::10.0.0.1", "10.0.0.0/8"],
  ["64:ff9b::a9fe:a9fe", "169.254.169.254/32"],
  ["2002:c0a8:0101::1", "192.168.0.0/16"],
  ["2002:7f00:1::", "127.0.0.0/8"],
  ["::127.0.0.1", "127.0.0.0/8"],
  ["4000::1", "2000::/3"],
  ["::2", "0.0.0.0/8"],
];

const ALLOWED = [
  "1.1.1.1",
  "8.8.8.8",
  "93.184.216.34",
  "100.63.255.255",
  "100.128.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "192.31.196.1",
  "192.175.48.6",
  "198.17.255.255",
  "198.20.0.0",
  "223.255.255.255",
  "2606:4700::1111",
  "2a00:1450::1",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
  "2002:0808:0808::1",
  "2001:200::1",
];

describe("AddressPolicy", () => {
  it.each(REFUSED)("refuses %s as part of %s, naming address and range", (ip, range) => {
    const verdict = strict.check(ip);
    expect(verdict.allowed).toBe(false);
    if (verdict.allowed) return;
    expect(verdict.range).toBe(range);
    expect(verdict.reason).toContain(range);
    expect(verdict.reason).toContain(canonicalIp(ip));
  });

  it.each(ALLOWED)("allows the global unicast address %s", (ip) => {
    expect(strict.check(ip).allowed).toBe(true);
  });

  it("refuses anything that is not an IP literal", () => {
    for (const text of ["", "localhost", "127.1", "0x7f000001", "2130706433", "fe80::1%eth0", "1.2.3.4/32"]) {
      expect(strict.check(text).allowed).toBe(false);
    }
  });

  it("lets an operator opt ranges back in, and only those", () => {
    const policy = AddressPolicy.fromOptions(["127.0.0.0/8", "198.18.99.0/30"]);
    expect(policy.check("127.0.0.2").allowed).toBe(true);
    expect(policy.check("::ffff:127.0.0.2").allowed).toBe(true);
    expect(policy.check("198.18.99.2").allowed).toBe(true);
    expect(policy.check("198.18.99.4").allowed).toBe(false);
    expect(policy.check("10.0.0.1").allowed).toBe(false);
    expect(policy.check("::1").allowed).toBe(false);
  });

  it("reads SCAN_ALLOWED_CIDRS when no option is given, and the option wins over it", () => {
    const env = { SCAN_ALLOWED_CIDRS: "127.0.0.0/8, ::1/128" };
    expect(AddressPolicy.fromOptions(undefined, env).check("::1").allowed).toBe(true);
    expect(AddressPolicy.fromOptions([], env).check("127.0.0.1").allowed).toBe(false);
  });

  it("rejects malformed allow-list entries with a clear message", () => {
    expect(() => parseCidr("127.0.0.0/33")).toThrow(/prefix length must be 0-32/);
    expect(() => parseCidr("nonsense")).toThrow(/invalid CIDR/);
    expect(() => parseCidrList("127.0.0.0/8,10.0.0.0/x")).toThrow(/prefix length/);
    expect(parseCidrList(" 127.0.0.0/8 ,::1 ").map((c) => c.cidr)).toEqual(["127.0.0.0/8", "::1/128"]);
  });

  it("returns the canonical form of the checked address", () => {
    const verdict = new AddressPolicy({ allowed: [parseCidr("::1/128")] }).check("0:0:0:0:0:0:0:1");
    expect(verdict).toMatchObject({ allowed: true, ip: "::1", family: 6 });
  });
});

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
const hex = (a: number, b: number) => ((a << 8) | b).toString(16);

// 10,000 policy checks: on a loaded 2-core machine that outlasts the default 5 s test timeout.
describe("embedded IPv4 forms judged like the IPv4 address", { timeout: 60_000 }, () => {
  it("IPv4-mapped, in dotted and hex notation, matches the plain IPv4 verdict", () => {
    fc.assert(
      fc.property(ipv4, (v4) => {
        const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
        const plain = strict.check(v4).allowed;
        expect(strict.check(`::ffff:${v4}`).allowed).toBe(plain);
        expect(strict.check(`::ffff:${hex(a, b)}:${hex(c, d)}`).allowed).toBe(plain);
        expect(strict.check(`0:0:0:0:0:ffff:${v4}`).allowed).toBe(plain);
        expect(strict.check(`64:ff9b::${v4}`).allowed).toBe(plain);
        expect(strict.check(`2002:${hex(a, b)}:${hex(c, d)}::1`).allowed).toBe(plain);
      }),
      { numRuns: 2000 },
    );
    // 10,000 policy checks: a few seconds on a loaded 2-core machine, so more than the default 5 s.
  }, 60_000);

  it("with an allow-list, mapped forms follow the IPv4 decision", () => {
    const policy = AddressPolicy.fromOptions(["127.0.0.0/8"]);
    fc.assert(
      fc.property(ipv4, (v4) => {
        expect(policy.check(`::ffff:${v4}`).allowed).toBe(policy.check(v4).allowed);
      }),
    );
  });

  it("private IPv4 addresses never pass in any wrapper", () => {
    const privateV4 = fc
      .oneof(
        fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
        fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
        fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
        fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      )
      .map((o) => o.join("."));
    fc.assert(
      fc.property(privateV4, fc.constantFrom("::ffff:", "64:ff9b::", "::"), (v4, prefix) => {
        expect(strict.check(`${prefix}${v4}`).allowed).toBe(false);
      }),
    );
  });

  it("expands IPv6 text to the right bytes", () => {
    expect([...ipv6ToBytes("::ffff:1.2.3.4")].slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect([...ipv6ToBytes("2001:db8::1")]).toEqual([0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1]);
    expect(embeddedIpv4("::ffff:a00:1")).toEqual({ ipv4: "10.0.0.1", via: "IPv4-mapped ::ffff:0:0/96" });
    expect(embeddedIpv4("2606:4700::1")).toBeNull();
  });
});

describe("own host and the operator's deny list", () => {
  const own = [parseCidr("203.0.113.77"), parseCidr("2001:db8::77"), parseCidr("127.0.0.1"), parseCidr("::1")];

  it("refuses the server's own interface addresses, even when an opted-in range covers them", () => {
    const policy = new AddressPolicy({ allowed: parseCidrList("203.0.113.0/24, 2001:db8::/32"), own });
    expect(policy.check("203.0.113.77")).toMatchObject({ allowed: false, range: "own-interface" });
    expect(policy.check("::ffff:203.0.113.77")).toMatchObject({ allowed: false, range: "own-interface" });
    expect(policy.check("2001:db8::77")).toMatchObject({ allowed: false, range: "own-interface" });
    expect(policy.check("203.0.113.78").allowed).toBe(true);
  });

  it("lets an explicitly opted-in loopback range through (tests scan loopback services), but never by default", () => {
    expect(new AddressPolicy({ allowed: parseCidrList("127.0.0.0/8, ::1/128"), own }).check("127.0.0.1").allowed).toBe(
      true,
    );
    expect(new AddressPolicy({ allowed: parseCidrList("127.0.0.0/8, ::1/128"), own }).check("::1").allowed).toBe(true);
    expect(new AddressPolicy({ own }).check("127.0.0.1").allowed).toBe(false);
  });

  it("reads the real interfaces of this machine: none of its non-loopback addresses pass, whatever is opted in", async () => {
    const { ownInterfaceAddresses } = await import("@/lib/scanner/policy/own-addresses");
    const mine = ownInterfaceAddresses().filter((r) => !r.network.startsWith("127.") && r.network !== "::1");
    for (const range of mine) {
      const verdict = AddressPolicy.fromOptions([range.cidr], {}).check(range.network);
      expect(verdict).toMatchObject({ allowed: false });
    }
  });

  it("SCAN_DENIED_CIDRS refuses ranges after everything else, including SCAN_ALLOWED_CIDRS", () => {
    const env = { SCAN_ALLOWED_CIDRS: "127.0.0.0/8", SCAN_DENIED_CIDRS: "127.0.0.9/32, 8.8.8.0/24" };
    const policy = AddressPolicy.fromOptions(undefined, env);
    expect(policy.check("127.0.0.9")).toMatchObject({ allowed: false, range: "SCAN_DENIED_CIDRS" });
    expect(policy.check("::ffff:127.0.0.9")).toMatchObject({ allowed: false, range: "SCAN_DENIED_CIDRS" });
    expect(policy.check("8.8.8.8")).toMatchObject({ allowed: false, range: "SCAN_DENIED_CIDRS" });
    expect(policy.check("127.0.0.10").allowed).toBe(true);
    expect(AddressPolicy.fromOptions(["127.0.0.0/8"], env, ["127.0.0.10"]).check("127.0.0.10").allowed).toBe(false);
  });
});
