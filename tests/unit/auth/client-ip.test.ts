import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeIp } from "@/lib/auth/client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("client address for the per-IP sign-in limit", () => {
  it("takes the entry the trusted proxy added: the rightmost by default", () => {
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "198.51.100.7" }), 1)).toBe("198.51.100.7");
    // A client-supplied entry on the left cannot choose the key.
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }), 1)).toBe("198.51.100.7");
  });

  it("counts further proxies from the right when told there are several", () => {
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 127.0.0.1" }), 2)).toBe("198.51.100.7");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then to 'unknown'", () => {
    expect(clientIpFromHeaders(h({ "x-real-ip": "198.51.100.8" }), 1)).toBe("198.51.100.8");
    expect(clientIpFromHeaders(h({}), 1)).toBe("unknown");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "not-an-ip" }), 1)).toBe("unknown");
  });

  it("normalises IPv4-mapped IPv6, ports and brackets", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("127.0.0.1:5555")).toBe("127.0.0.1");
    expect(normalizeIp("[::1]:443")).toBe("0:0:0:0::/64");
  });

  it("keys IPv6 clients by their /64, so rotating addresses inside it does not reset the limit", () => {
    expect(normalizeIp("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(normalizeIp("2001:db8:1:3::1")).not.toBe(normalizeIp("2001:db8:1:2::1"));
  });
});
