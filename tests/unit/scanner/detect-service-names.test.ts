import { describe, expect, it } from "vitest";
import { serviceNameFor } from "@/lib/scanner/detect/service-names";
import { probeOrder } from "@/lib/scanner/detect/probes";

describe("detected protocol → IANA service name", () => {
  it("uses the port's own registration when the protocol is registered under it", () => {
    expect(serviceNameFor("smtp", false, "submission")).toBe("submission");
    expect(serviceNameFor("smtp", false, "smtp")).toBe("smtp");
    expect(serviceNameFor("smtp", true, "submissions")).toBe("submissions");
    expect(serviceNameFor("http", false, "http-alt")).toBe("http-alt");
    expect(serviceNameFor("ldap", true, "msft-gc-ssl")).toBe("msft-gc-ssl");
  });

  it("falls back to the protocol's main IANA name elsewhere", () => {
    expect(serviceNameFor("smtp", false, null)).toBe("smtp");
    expect(serviceNameFor("smtp", false, "http")).toBe("smtp");
    expect(serviceNameFor("http", false, "wap-wsp")).toBe("http");
    expect(serviceNameFor("http", true, "pcsync-https")).toBe("https");
    expect(serviceNameFor("imap", true, null)).toBe("imaps");
    expect(serviceNameFor("pop3", true, null)).toBe("pop3s");
    expect(serviceNameFor("memcached", false, null)).toBe("memcache");
    expect(serviceNameFor("rdp", false, null)).toBe("ms-wbt-server");
    expect(serviceNameFor("smb", false, null)).toBe("microsoft-ds");
    expect(serviceNameFor("vnc", false, null)).toBe("rfb");
    expect(serviceNameFor("dns", false, null)).toBe("domain");
  });

  it("keeps the plain name for protocols without a TLS registration", () => {
    expect(serviceNameFor("redis", true, null)).toBe("redis");
    expect(serviceNameFor("elasticsearch", true, "wap-wsp")).toBe("elasticsearch");
  });
});

describe("probe order", () => {
  const names = (typical: string | null) => probeOrder(typical).map((p) => (p.kind === "tls" ? "tls" : p.protocol));

  it("starts with the typical service's probe, then HTTP, PING and TLS", () => {
    expect(names("postgresql").slice(0, 4)).toEqual(["postgresql", "http", "redis", "tls"]);
    expect(names("https")[0]).toBe("tls");
    expect(names("imaps")[0]).toBe("tls");
    expect(names("redis")[0]).toBe("redis");
    expect(names(null).slice(0, 3)).toEqual(["http", "redis", "tls"]);
    expect(names("ssh").slice(0, 3)).toEqual(["http", "redis", "tls"]);
  });

  it("contains every probe exactly once whatever the port", () => {
    const all = names(null);
    for (const typical of [null, "https", "postgresql", "memcache", "elasticsearch", "domain", "wap-wsp"]) {
      const order = names(typical);
      expect(new Set(order).size).toBe(order.length);
      expect([...order].sort()).toEqual([...all].sort());
    }
  });
});
