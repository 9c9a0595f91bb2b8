/** Each case below is a sentence of docs/grading.md, checked. */
import { describe, expect, it } from "vitest";
import { compareBySeverity, GRADING_METHOD_VERSION, gradeAsset, type GradingFinding } from "@/lib/grading";
import { AS_OF, finding, service, tls } from "./finding-builder";

const grade = (findings: GradingFinding[], catchAllHosts?: string[]) =>
  gradeAsset({ findings, catchAllHosts }, { asOf: AS_OF });
const only = (findings: GradingFinding[]) => {
  const result = grade(findings);
  expect(result.findings).toHaveLength(1);
  return { result, f: result.findings[0]! };
};

describe("expected public services", () => {
  it("an asset with no open port has the default grade A (100)", () => {
    expect(grade([])).toMatchObject({ score: 100, grade: "A", ceiling: null, methodVersion: GRADING_METHOD_VERSION });
  });

  it("only HTTPS and HTTP that redirects to HTTPS → A, nothing deducted", () => {
    const result = grade([
      service("https", 443, { tls: tls() }),
      service("http", 80, { facts: { redirectsToHttps: true } }),
    ]);
    expect(result).toMatchObject({ score: 100, grade: "A", totalDeduction: 0 });
    expect(result.findings.map((f) => [f.finding.port, f.severity, f.ruleId])).toEqual(
      [
        [443, "info", "https"],
        [80, "info", "http-redirect"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it("plain HTTP without a redirect is low: 3 points, still A", () => {
    const { result, f } = only([service("http", 80)]);
    expect(f).toMatchObject({ severity: "low", deduction: 3, basis: "detected" });
    expect(f.reason).toMatch(/cleartext/);
    expect(result).toMatchObject({ score: 97, grade: "A" });
  });

  it("HTTP detected over TLS is graded as HTTPS", () => {
    const { f } = only([finding({ port: 8443, typicalService: "pcsync-https", detectedService: "http", tls: tls() })]);
    expect(f).toMatchObject({ ruleId: "https", severity: "info", deduction: 0 });
  });

  it("an authoritative DNS server is informational, an open resolver is high and amplifies", () => {
    expect(only([service("domain", 53, { protocol: "udp" })]).f).toMatchObject({ severity: "info", deduction: 0 });
    const { result, f } = only([service("domain", 53, { protocol: "udp", facts: { recursionAvailable: true } })]);
    expect(f).toMatchObject({ ruleId: "dns-open-resolver", severity: "high", rawDeduction: 29 });
    expect(result).toMatchObject({ score: 71, grade: "C" });
  });

  it("SMTP with STARTTLS is informational, without it medium", () => {
    expect(only([service("smtp", 25, { tls: tls() })]).f).toMatchObject({ severity: "info", deduction: 0 });
    expect(only([service("smtp", 25)]).result).toMatchObject({ score: 92, grade: "A" });
  });

  it("mail over TLS (imaps, pop3s, submissions) is low: a password login, but encrypted", () => {
    const result = grade([
      service("imaps", 993, { tls: tls() }),
      service("pop3s", 995, { tls: tls() }),
      service("submissions", 465, { tls: tls() }),
    ]);
    expect(result.findings.map((f) => f.severity)).toEqual(["low", "low", "low"]);
    expect(result).toMatchObject({ score: 91, grade: "A" });
  });

  it("cleartext IMAP and POP3 are medium", () => {
    const result = grade([service("imap", 143), service("pop3", 110)]);
    expect(result.findings.map((f) => f.severity)).toEqual(["medium", "medium"]);
    expect(result.score).toBe(84);
  });
});

describe("exposed services that lower the grade", () => {
  it("exposed Redis → critical, 35 points, D", () => {
    const { result, f } = only([service("redis", 6379)]);
    expect(f).toMatchObject({ severity: "critical", deduction: 35, assessedService: "redis" });
    expect(f.reason).toMatch(/^Redis reachable from the internet on 6379\/tcp: .*without a password/);
    expect(result).toMatchObject({ score: 65, grade: "D", ceiling: { score: 69 } });
  });

  it("exposed Redis plus SSH → F", () => {
    expect(grade([service("redis", 6379), service("ssh", 22)])).toMatchObject({ score: 57, grade: "F" });
  });

  it("RDP open → critical, D, even when only the port's registration says RDP", () => {
    expect(only([service("ms-wbt-server", 3389)]).result).toMatchObject({ score: 65, grade: "D" });
    const { f } = only([finding({ port: 3389, typicalService: "ms-wbt-server" })]);
    expect(f).toMatchObject({ severity: "critical", basis: "typical", assessedService: "ms-wbt-server" });
    expect(f.reason).toMatch(/registered service/);
  });

  it.each([
    ["telnet", 23],
    ["microsoft-ds", 445],
    ["rfb", 5900],
    ["mongodb", 27017],
    ["elasticsearch", 9200],
    ["docker", 2375],
    ["x11", 6000],
    ["login", 513],
  ])("%s is critical", (name, port) => {
    expect(only([service(name, port)]).f.severity).toBe("critical");
  });

  it.each([
    ["mysql", 3306],
    ["postgresql", 5432],
    ["ms-sql-s", 1433],
    ["ftp", 21],
    ["ldap", 389],
    ["rsync", 873],
    ["pptp", 1723],
  ])("%s is high and caps the asset at C", (name, port) => {
    const { result, f } = only([service(name, port)]);
    expect(f).toMatchObject({ severity: "high", deduction: 20 });
    expect(result).toMatchObject({ score: 79, grade: "C" });
  });

  it("SSH alone is medium and keeps an A (92)", () => {
    expect(only([service("ssh", 22)]).result).toMatchObject({ score: 92, grade: "A" });
  });

  it("an Elasticsearch product behind a plain HTTP answer is graded as Elasticsearch", () => {
    const { f } = only([
      finding({ port: 9200, typicalService: "wap-wsp", detectedService: "http", product: "Elasticsearch" }),
    ]);
    expect(f).toMatchObject({ ruleId: "elasticsearch", severity: "critical", assessedService: "elasticsearch" });
    expect(f.adjustments.map((a) => a.kind)).not.toContain("service-mismatch");
  });

  it("a service nobody recognises is low; an unidentified one is pending and medium", () => {
    expect(only([service("irdmi", 8000)]).f).toMatchObject({ ruleId: "other", severity: "low", deduction: 3 });
    const { f } = only([finding({ port: 4444, pendingClassification: true })]);
    expect(f).toMatchObject({ basis: "pending", severity: "medium", deduction: 8, assessedService: null });
  });
});

describe("detected versus typical service", () => {
  it("the detected service wins and a different recognised registration adds 4 points", () => {
    const { f } = only([finding({ port: 80, typicalService: "http", detectedService: "ssh" })]);
    expect(f).toMatchObject({ ruleId: "ssh", severity: "medium", rawDeduction: 12, assessedService: "ssh" });
    expect(f.reason).toMatch(/ssh answers on a port registered for http \(\+4\)/);
  });

  it("RDP hidden on the HTTPS port is critical plus the mismatch", () => {
    const { f } = only([finding({ port: 443, typicalService: "https", detectedService: "ms-wbt-server" })]);
    expect(f.adjustments.map((a) => [a.kind, a.points])).toEqual([
      ["service", 35],
      ["service-mismatch", 4],
    ]);
  });

  it("the same family on another port is no mismatch (SMTP on 587, HTTPS on 8080)", () => {
    expect(only([finding({ port: 587, typicalService: "submission", detectedService: "smtp" })]).f.rawDeduction).toBe(
      8,
    );
    expect(
      only([finding({ port: 8080, typicalService: "http-alt", detectedService: "https", tls: tls() })]).f.rawDeduction,
    ).toBe(0);
  });

  it("no mismatch on a pending port or a registration this method does not recognise", () => {
    expect(
      only([finding({ port: 4444, pendingClassification: true, detectedService: "https", tls: tls() })]).f.rawDeduction,
    ).toBe(0);
    expect(only([finding({ port: 8000, typicalService: "irdmi", detectedService: "http" })]).f.rawDeduction).toBe(3);
  });
});

describe("UDP amplification", () => {
  it("scales with the published amplification factor", () => {
    const udp = (name: string, port: number) => only([service(name, port, { protocol: "udp" })]).f;
    expect(udp("memcache", 11211)).toMatchObject({ severity: "critical", rawDeduction: 50 });
    expect(udp("ntp", 123)).toMatchObject({ severity: "high", rawDeduction: 34 });
    expect(udp("ssdp", 1900)).toMatchObject({ severity: "high", rawDeduction: 27 });
    expect(udp("snmp", 161)).toMatchObject({ severity: "high", rawDeduction: 24 });
    expect(udp("mdns", 5353)).toMatchObject({ severity: "medium", rawDeduction: 13 });
    expect(udp("memcache", 11211).reason).toMatch(/amplification factor of 51000 \(\+24\).*Capped at 50 points/);
  });

  it("the same services over TCP do not amplify", () => {
    expect(only([service("memcache", 11211)]).f.rawDeduction).toBe(35);
    expect(only([service("ntp", 123)]).f).toMatchObject({ severity: "low", rawDeduction: 3 });
  });
});

describe("TLS problems visible in the handshake", () => {
  it("expired, self-signed and TLS 1.0 each add a few points and make HTTPS low", () => {
    const { result, f } = only([
      service("https", 443, { tls: tls({ validTo: "2025-05-01T00:00:00Z", selfSigned: true, protocol: "TLSv1" }) }),
    ]);
    expect(f).toMatchObject({ severity: "low", rawDeduction: 13 });
    expect(f.reason).toMatch(
      /expired on 2025-05-01 \(\+5\); self-signed certificate \(\+3\); deprecated protocol TLSv1 negotiated \(\+5\)/,
    );
    expect(result.score).toBe(87);
  });

  it("a valid modern certificate adds nothing; validity is judged at asOf, not today", () => {
    expect(only([service("https", 443, { tls: tls() })]).f.deduction).toBe(0);
    const later = gradeAsset(
      { findings: [service("https", 443, { tls: tls() })] },
      { asOf: new Date("2027-01-01T00:00:00Z") },
    );
    expect(later.findings[0]!.deduction).toBe(5);
  });
});

describe("diminishing returns, ceilings and what is not graded", () => {
  const hosts = Array.from({ length: 50 }, (_, i) => `192.0.2.${i + 1}`);

  it("50 HTTPS ports are still an A", () => {
    expect(grade(hosts.map((ip) => service("https", 443, { ip, tls: tls() })))).toMatchObject({
      score: 100,
      grade: "A",
    });
  });

  it("50 plain HTTP ports cost 5.8 points, not 150", () => {
    const result = grade(hosts.map((ip) => service("http", 80, { ip })));
    expect(result.totalDeduction).toBe(3 * (1 + 1 / 2 + 1 / 4 + 1 / 8 + 1 / 16));
    expect(result).toMatchObject({ score: 94, grade: "A" });
    expect(result.findings.filter((f) => f.deduction > 0)).toHaveLength(5);
    expect(result.findings.find((f) => f.weight === 0)!.reason).toMatch(/Not deducted again/);
  });

  it("Redis on three hosts weighs 35 + 17.5 + 8.75", () => {
    const result = grade(hosts.slice(0, 3).map((ip) => service("redis", 6379, { ip })));
    expect(result.findings.map((f) => f.deduction)).toEqual([35, 17.5, 8.75]);
    expect(result).toMatchObject({ totalDeduction: 61.25, score: 39, grade: "F" });
  });

  it("the largest deduction of a kind counts in full whatever the input order", () => {
    const withCert = service("https", 443, { ip: "192.0.2.2", tls: tls({ selfSigned: true }) });
    const expired = service("https", 443, { ip: "192.0.2.1", tls: tls({ validTo: "2025-01-02T00:00:00Z" }) });
    const result = grade([withCert, expired]);
    expect(result.findings.map((f) => [f.finding.ip, f.deduction])).toEqual([
      ["192.0.2.1", 5],
      ["192.0.2.2", 1.5],
    ]);
  });

  it("closed, filtered and silent UDP ports are listed but not graded", () => {
    const result = grade([
      service("redis", 6379, { state: "closed" }),
      service("ms-wbt-server", 3389, { state: "filtered" }),
      service("snmp", 161, { protocol: "udp", state: "open|filtered" }),
    ]);
    expect(result).toMatchObject({ score: 100, findings: [] });
    // Canonical order: tcp before udp, then by port.
    expect(result.notGraded.map((n) => [n.finding.port, n.reason])).toEqual([
      [3389, expect.stringMatching(/^Filtered/)],
      [6379, expect.stringMatching(/^Closed/)],
      [161, expect.stringMatching(/silence proves nothing/)],
    ]);
  });

  it("a catch-all host is one informational line, its ports are not graded", () => {
    const cdn = "2001:db8::1";
    const result = grade([service("redis", 6379, { ip: cdn }), service("ssh", 22)], [cdn, cdn.toUpperCase()]);
    expect(result.catchAllHosts).toEqual([
      { ip: cdn, severity: "info", deduction: 0, reason: expect.stringMatching(/every probed port/) },
    ]);
    expect(result.notGraded).toHaveLength(1);
    expect(result).toMatchObject({ score: 92, grade: "A" });
  });
});

describe("presentation helpers and purity", () => {
  it("compareBySeverity lists the worst finding first", () => {
    const result = grade([
      service("https", 443, { tls: tls() }),
      service("ssh", 22),
      service("redis", 6379),
      service("http", 80),
    ]);
    expect([...result.findings].sort(compareBySeverity).map((f) => f.assessedService)).toEqual([
      "redis",
      "ssh",
      "http",
      "https",
    ]);
  });

  it("grading never modifies its input", () => {
    const findings = [service("redis", 6379), service("https", 443, { tls: tls({ selfSigned: true }) })].map((f) =>
      Object.freeze({
        ...f,
        tls:
          f.tls && Object.freeze({ ...f.tls, subjectAltNames: Object.freeze([...f.tls.subjectAltNames]) as string[] }),
      }),
    );
    const snapshot = JSON.stringify(findings);
    expect(() => gradeAsset(Object.freeze({ findings: Object.freeze(findings) }), { asOf: AS_OF })).not.toThrow();
    expect(JSON.stringify(findings)).toBe(snapshot);
  });
});

describe("open access", () => {
  it("a service that let the scanner in without credentials is critical, with the +5 extra", () => {
    const { f } = only([service("mqtt", 1883, { facts: { unauthenticatedAccess: true } })]);
    expect(f).toMatchObject({ ruleId: "mqtt", severity: "critical" });
    expect(f.reason).toMatch(/without credentials/);
    const asked = only([service("mqtt", 1883, { facts: { unauthenticatedAccess: false } })]).f;
    expect(asked.severity).toBe("high");
    expect(f.deduction).toBeGreaterThan(asked.deduction);
  });

  it("VNC offering security type None says so", () => {
    const { f } = only([
      service("rfb", 5900, {
        facts: { unauthenticatedAccess: true, authenticationMethods: ["None", "VNC Authentication"] },
      }),
    ]);
    expect(f).toMatchObject({ severity: "critical" });
    expect(f.reason).toMatch(/VNC security type None/);
  });
});
