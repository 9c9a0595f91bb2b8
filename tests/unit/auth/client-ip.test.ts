import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeIp, trustedProxyHops } from "@/lib/auth/client-ip";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/socket-address";

const h = (init: Record<string, string>) => new Headers(init);

describe("client address for the per-IP sign-in limit", () => {
  const SOCKET = { [SOCKET_ADDRESS_HEADER]: "::ffff:192.0.2.10" };

  it("takes the socket address when no proxy is configured, whatever X-Forwarded-For or X-Real-IP say", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(clientIpFromHeaders(h({ ...SOCKET, "x-forwarded-for": "198.51.100.7" }))).toBe("192.0.2.10");
    expect(
      clientIpFromHeaders(
        h({ ...SOCKET, "x-forwarded-for": "203.0.113.9, 198.51.100.7", "x-real-ip": "198.51.100.8" }),
        0,
      ),
    ).toBe("192.0.2.10");
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("unknown");
  });

  it("takes the entry the trusted proxy added when TRUSTED_PROXY_HOPS is set", () => {
    expect(trustedProxyHops("1")).toBe(1);
    expect(clientIpFromHeaders(h({ ...SOCKET, "x-forwarded-for": "198.51.100.7" }), 1)).toBe("198.51.100.7");
    // A client-supplied entry on the left cannot choose the key.
    expect(clientIpFromHeaders(h({ ...SOCKET, "x-forwarded-for": "203.0.113.9, 198.51.100.7" }), 1)).toBe(
      "198.51.100.7",
    );
    // Reached the app around the proxy: the socket is all there is.
    expect(clientIpFromHeaders(h(SOCKET), 1)).toBe("192.0.2.10");
  });

  it("counts further proxies from the right when told there are several", () => {
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 127.0.0.1" }), 2)).toBe(
      "198.51.100.7",
    );
    expect(clientIpFromHeaders(h({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
  });

  it("refuses a TRUSTED_PROXY_HOPS that is not a small whole number", () => {
    for (const bad of ["-1", "1.5", "eleven", "11"])
      expect(() => trustedProxyHops(bad), bad).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(trustedProxyHops(" ")).toBe(0);
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
