import { describe, expect, it } from "vitest";
import { backgroundUdp, scannerConfig, ScannerConfigError } from "@/lib/scan-runs/scanner-config";
import crypto from "node:crypto";
import type { ObservedService } from "@/lib/scanner";
import { serviceFingerprint } from "@/lib/scan-runs/service-fingerprint";

describe("scanner configuration from the environment", () => {
  it("defaults to the top 1000 TCP ports, the system resolver and no opt-in ranges", () => {
    expect(scannerConfig({})).toEqual({
      allowedCidrs: [],
      deniedCidrs: [],
      dnsServers: [],
      ports: "top-1000",
      verifiedPorts: "all",
      udp: false,
    });
  });

  it("reads SCAN_ALLOWED_CIDRS, SCANNER_DNS_SERVERS, SCAN_PORTS and SCAN_UDP", () => {
    expect(
      scannerConfig({
        SCAN_ALLOWED_CIDRS: "127.0.0.0/8, ::1/128",
        SCANNER_DNS_SERVERS: "127.0.0.1:5353",
        SCAN_PORTS: "22,80-81",
        SCAN_UDP: "true",
      }),
    ).toEqual({
      allowedCidrs: ["127.0.0.0/8", "::1/128"],
      deniedCidrs: [],
      dnsServers: ["127.0.0.1:5353"],
      ports: "22,80-81",
      verifiedPorts: "all",
      udp: true,
    });
  });

  it.each([
    [{ SCAN_ALLOWED_CIDRS: "10.0.0.0/99" }, /SCAN_ALLOWED_CIDRS/],
    [{ SCANNER_DNS_SERVERS: "dns.example.test" }, /SCANNER_DNS_SERVERS/],
    [{ SCAN_PORTS: "70000" }, /SCAN_PORTS/],
    [{ SCAN_UDP: "sometimes" }, /SCAN_UDP/],
  ])("names the variable that is wrong: %o", (env, message) => {
    expect(() => scannerConfig(env)).toThrow(ScannerConfigError);
    expect(() => scannerConfig(env)).toThrow(message);
  });
});

describe("background UDP", () => {
  it("probes the UDP service ports of verified assets, and of every asset with SCAN_UDP=true", () => {
    expect(backgroundUdp(scannerConfig({}), { verified: true })).toBe(true);
    expect(backgroundUdp(scannerConfig({}), { verified: false })).toBe(false);
    expect(backgroundUdp(scannerConfig({ SCAN_UDP: "true" }), { verified: false })).toBe(true);
  });
});

describe("service fingerprint", () => {
  const base: ObservedService = {
    state: "open",
    typicalService: "https",
    pendingClassification: false,
    detectedService: "https",
    product: "nginx",
    version: "1.24.0",
    versionRevision: null,
    tls: {
      protocol: "TLSv1.3",
      cipher: "A",
      subject: "CN=a",
      subjectAltNames: ["DNS:a", "DNS:b"],
      issuer: "CN=ca",
      validFrom: "x",
      validTo: "y",
      selfSigned: false,
    },
    banner: "HTTP/1.1 200 OK",
    facts: {},
  };

  it("matches the fingerprints already stored, so the next scan reports no spurious change", () => {
    // The identity as stored intervals were fingerprinted before the contract had one home.
    const stored = (facts: ObservedService["facts"]) =>
      crypto
        .createHash("sha256")
        .update(
          JSON.stringify([
            "open",
            "https",
            false,
            "https",
            "nginx",
            "1.24.0",
            ["TLSv1.3", "CN=a", ["DNS:a", "DNS:b"], "CN=ca", "x", "y", false],
            [facts.redirectsToHttps ?? null, facts.recursionAvailable ?? null],
          ]),
        )
        .digest("hex");
    expect(serviceFingerprint(base)).toBe(stored({}));
    expect(serviceFingerprint({ ...base, facts: { redirectsToHttps: true, recursionAvailable: false } })).toBe(
      stored({ redirectsToHttps: true, recursionAvailable: false }),
    );
  });

  it("ignores the banner, which often carries the time of day", () => {
    expect(serviceFingerprint({ ...base, banner: "HTTP/1.1 200 OK\r\nDate: now" })).toBe(serviceFingerprint(base));
  });

  it("ignores the cipher and the order of alternative names", () => {
    expect(
      serviceFingerprint({ ...base, tls: { ...base.tls!, cipher: "B", subjectAltNames: ["DNS:b", "DNS:a"] } }),
    ).toBe(serviceFingerprint(base));
  });

  it("changes with anything the grade reads", () => {
    const fp = serviceFingerprint(base);
    expect(serviceFingerprint({ ...base, detectedService: "ssh" })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, version: "1.25.0" })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, tls: { ...base.tls!, protocol: "TLSv1" } })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, tls: { ...base.tls!, validTo: "z" } })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, tls: null })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, facts: { redirectsToHttps: true } })).not.toBe(fp);
    expect(serviceFingerprint({ ...base, facts: { recursionAvailable: false } })).not.toBe(fp);
  });
});

describe("scan failure message", () => {
  it("shows errors written for people and hides internal ones", async () => {
    const { scanFailureMessage } = await import("@/lib/scan-runs/scan-failure-message");
    expect(scanFailureMessage({ name: "NonRetriableError", message: "SCAN_PORTS is invalid: x" })).toBe(
      "The scan failed: SCAN_PORTS is invalid: x",
    );
    const internal = scanFailureMessage({
      name: "PrismaClientKnownRequestError",
      message: "connection to 10.1.2.3:5432 refused",
    });
    expect(internal).not.toContain("10.1.2.3");
    expect(internal).toMatch(/internal error/);
  });
});

describe("standard and full scans", () => {
  it("an unverified asset gets the standard ports and no UDP; a verified one every port and UDP", async () => {
    const { backgroundUdp, scannerConfigFor } = await import("@/lib/scan-runs/scanner-config");
    const config = scannerConfig({});
    expect(scannerConfigFor(config, false)).toMatchObject({ ports: "top-1000" });
    expect(backgroundUdp(config, { verified: false })).toBe(false);
    expect(scannerConfigFor(config, true)).toMatchObject({ ports: "all" });
    expect(backgroundUdp(config, { verified: true })).toBe(true);
    expect(scannerConfigFor(scannerConfig({ SCAN_PORTS_VERIFIED: "1-2048" }), true)).toMatchObject({ ports: "1-2048" });
    expect(() => scannerConfig({ SCAN_PORTS_VERIFIED: "99999" })).toThrow(/SCAN_PORTS_VERIFIED/);
  });
});

describe("operator deny list", () => {
  it("reads SCAN_DENIED_CIDRS and names it when it is malformed", () => {
    expect(scannerConfig({ SCAN_DENIED_CIDRS: "198.51.100.0/24" }).deniedCidrs).toEqual(["198.51.100.0/24"]);
    expect(() => scannerConfig({ SCAN_DENIED_CIDRS: "10.0.0.0/99" })).toThrow(/SCAN_DENIED_CIDRS/);
  });
});
