import { describe, expect, it } from "vitest";
import { OTHER_SERVICE_RULE, PENDING_RULE, SERVICE_RULES } from "@/lib/grading";
import { remediationFor, serviceClassOf } from "@/lib/remediation";
import { CLASS_OF_RULE } from "@/lib/remediation/service-classes";

const ALL_RULES = [...SERVICE_RULES, OTHER_SERVICE_RULE, PENDING_RULE];

describe("remediation guidance", () => {
  it("has written guidance for every rule of the published severity table", () => {
    const missing = ALL_RULES.filter((rule) => !(rule.id in CLASS_OF_RULE)).map((r) => r.id);
    expect(missing).toEqual([]);
    for (const rule of ALL_RULES) {
      const r = remediationFor(rule.id);
      expect(r.meaning.length, rule.id).toBeGreaterThan(60);
      expect(r.fix.length, rule.id).toBeGreaterThan(0);
      expect(r.verify.length, rule.id).toBeGreaterThan(0);
    }
  });

  it("maps no rule id that the grading method does not know (a renamed rule would lose its guidance)", () => {
    const known = new Set(ALL_RULES.map((r) => r.id));
    expect(Object.keys(CLASS_OF_RULE).filter((id) => !known.has(id))).toEqual([]);
  });

  it.each([
    ["redis", "cache"],
    ["memcache", "cache"],
    ["postgresql", "database"],
    ["mongodb", "database"],
    ["rdp", "remote-desktop"],
    ["vnc", "remote-desktop"],
    ["smb", "smb"],
    ["telnet", "cleartext"],
    ["ftp", "cleartext"],
    ["smtp", "mail-without-tls"],
    ["imap", "mail-without-tls"],
    ["dns-open-resolver", "dns-open-resolver"],
    ["pending", "unknown"],
    ["other", "unknown"],
  ])("classes %s as %s", (ruleId, expected) => {
    expect(serviceClassOf(ruleId)).toBe(expected);
  });

  it("falls back to the unidentified-service guidance for a missing or unknown rule instead of throwing", () => {
    expect(remediationFor(null).serviceClass).toBe("unknown");
    expect(remediationFor("no-such-rule").title).toBe(remediationFor("pending").title);
  });

  it("writes the finding's host, port and protocol into the commands", () => {
    const r = remediationFor("redis", { ip: "192.0.2.10", port: 6379, protocol: "tcp" });
    expect(r.verify.join("\n")).toContain("nc -vz -w 5 192.0.2.10 6379");
    expect(r.verify.join("\n")).toContain("nmap -Pn -sT -p 6379 192.0.2.10");
    expect(r.fix.join("\n")).toContain("6379/tcp");
    expect([...r.fix, ...r.verify].join("\n")).not.toMatch(/\{(host|port|proto)\}/);
  });

  it("brackets an IPv6 address where it is joined to a port", () => {
    const r = remediationFor("smtp", { ip: "2001:db8::25", port: 25, protocol: "tcp" });
    expect(r.verify[0]).toContain("-connect [2001:db8::25]:25");
  });

  it("tells how to verify an open resolver without resolving through it for real", () => {
    const r = remediationFor("dns-open-resolver", { ip: "198.51.100.53", port: 53, protocol: "udp" });
    expect(r.verify[0]).toContain("dig @198.51.100.53");
    expect(r.verify[0]).toContain("REFUSED");
  });
});
