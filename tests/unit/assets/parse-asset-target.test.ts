import { describe, expect, it } from "vitest";
import { MESSAGES, parseAssetTarget } from "@/lib/assets/parse-asset-target";

const accepted = (raw: string) => {
  const r = parseAssetTarget(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got: ${r.message}`);
  return r.value;
};
const rejection = (raw: string) => {
  const r = parseAssetTarget(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.message;
};

describe("domains are normalised", () => {
  it.each([
    ["example.com", "example.com"],
    ["  Example.COM  ", "example.com"],
    ["example.com.", "example.com"],
    ["www.shop.example.co.uk", "www.shop.example.co.uk"],
    ["Bücher.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["例え.テスト", "xn--r8jz45g.xn--zckzah"],
    ["ｅｘａｍｐｌｅ．com", "example.com"],
    ["a-b--c.example.test", "a-b--c.example.test"],
    ["123.example.com", "123.example.com"],
    ["0x7f.example", "0x7f.example"],
    [`${"a".repeat(63)}.com`, `${"a".repeat(63)}.com`],
  ])("%s → %s", (raw, value) => {
    expect(accepted(raw)).toEqual({ kind: "DOMAIN", value });
  });

  it("accepts exactly 253 characters and no more", () => {
    const l63 = "a".repeat(63);
    const exact = [l63, l63, l63, "b".repeat(61)].join(".");
    expect(exact.length).toBe(253);
    expect(accepted(exact).value).toBe(exact);
    expect(rejection(`${exact}b`)).toBe("A domain name can be at most 253 characters long; this one has 254.");
  });
});

describe("IP addresses are normalised", () => {
  it.each([
    ["192.0.2.10", "192.0.2.10"],
    [" 198.51.100.7 ", "198.51.100.7"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["[2001:db8::10]", "2001:db8::10"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::1", "::1"],
    ["ff0::1", "ff0::1"],
    ["FF0:0:0:0:0:0:0.0.0.0", "ff0::"],
  ])("%s → %s", (raw, value) => {
    expect(accepted(raw)).toEqual({ kind: "IP", value });
  });
});

describe("every rejection says what to enter instead", () => {
  it.each([
    ["", MESSAGES.empty],
    ["   ", MESSAGES.empty],
    ["https://x.com/path", "Enter just the domain name, like example.com — not a URL."],
    ["http://example.com", MESSAGES.url],
    ["ftp://example.com", MESSAGES.url],
    ["//example.com", MESSAGES.url],
    ["example.com/login", MESSAGES.url],
    ["example.com?x=1", MESSAGES.url],
    ["example.com#top", MESSAGES.url],
    ["*.x.com", MESSAGES.wildcard],
    ["*", MESSAGES.wildcard],
    ["alice@example.com", MESSAGES.email],
    ["mailto:alice@example.com", MESSAGES.email],
    ["x.com:8080", MESSAGES.port],
    ["192.0.2.1:22", MESSAGES.port],
    ["[2001:db8::1]:443", MESSAGES.port],
    ["192.0.2.0/24", MESSAGES.cidr],
    ["2001:db8::/32", MESSAGES.cidr],
    ["foo:bar", MESSAGES.colon],
    ["x".repeat(1001), MESSAGES.tooLong],
  ])("%j", (raw, message) => {
    expect(rejection(raw)).toBe(message);
  });

  it.each(["127.1", "0x7f.0.0.1", "01.2.3.4", "1.2.3.4.", "1.2.3", "1.2.3.4.5", "１９２.０.２.１"])(
    "IP written as a domain: %s",
    (raw) => {
      expect(rejection(raw)).toMatch(
        /looks like an IP address written in an unusual form\. Enter it as four decimal numbers/,
      );
    },
  );

  it.each([
    ["localhost", "Enter a full domain name with at least two parts, like example.com."],
    ["example.123", "The last part of a domain name (like .com) cannot be only digits."],
    [
      "example..com",
      "A domain name cannot have an empty part: remove the extra dot (two dots in a row, or a dot at the start).",
    ],
    [
      ".example.com",
      "A domain name cannot have an empty part: remove the extra dot (two dots in a row, or a dot at the start).",
    ],
    [
      "example.com..",
      "A domain name cannot have an empty part: remove the extra dot (two dots in a row, or a dot at the start).",
    ],
    ["-shop.example.com", 'A part of a domain name cannot start or end with a hyphen: "-shop".'],
    ["shop-.example.com", 'A part of a domain name cannot start or end with a hyphen: "shop-".'],
    ["_dmarc.example.com", 'A domain name may contain only letters, digits and hyphens; "_" is not allowed.'],
    ["exa mple.com", "A domain name cannot contain spaces."],
    ["%41.example.com", 'A domain name cannot contain "%".'],
    ["xn--zz.example", '"xn--zz.example" contains an invalid internationalised (xn--) part.'],
    [
      "exa<mple.com",
      '"exa<mple.com" is not a valid domain name. Use letters, digits, hyphens and dots, like example.com.',
    ],
    [
      `${"a".repeat(64)}.com`,
      'Each part of a domain name between dots can be at most 63 characters; "aaaaaaaaaaaaaaaaaaaa…" has 64.',
    ],
  ])("%j", (raw, message) => {
    expect(rejection(raw)).toBe(message);
  });

  it.each(["0.0.0.0", "255.255.255.255", "224.0.0.1", "::", "ff02::1", "FF05::2"])("not a single host: %s", (raw) => {
    expect(rejection(raw)).toMatch(/is not the address of a single host/);
  });

  it("refuses IPv6 zone ids", () => {
    expect(rejection("fe80::1%eth0")).toBe(
      "Enter the IPv6 address without a zone (the part after %), like 2001:db8::10.",
    );
  });
});
