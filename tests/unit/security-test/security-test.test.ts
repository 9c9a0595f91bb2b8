import { describe, expect, it } from "vitest";
import { gradeAsset } from "@/lib/grading";
import { mainAddress, riskiestClasses } from "@/lib/security-test/scan-for-security-test";
import { isOptedOut, parseOptOutList, securityTestSettings } from "@/lib/security-test/settings";
import { securityTestSchema, DOMAIN_ONLY_MESSAGE } from "@/lib/validation/security-test";
import { addAssetSchema } from "@/lib/validation/asset";
import { observedPort } from "@/tests/helpers/observed-port";

describe("the operator's opt-out list", () => {
  it("reads names the way the asset form normalises them, and covers each name's subdomains only", () => {
    const list = parseOptOutList(" Example.ORG., bücher.example  shop.example.test,,");
    expect(list).toEqual(["example.org", "xn--bcher-kva.example", "shop.example.test"]);
    expect(isOptedOut("example.org", list)).toBe(true);
    expect(isOptedOut("www.example.org", list)).toBe(true);
    expect(isOptedOut("notexample.org", list)).toBe(false);
    expect(isOptedOut("xn--bcher-kva.example", list)).toBe(true);
    expect(isOptedOut("example.test", list)).toBe(false);
  });

  it("comes from SECURITY_TEST_OPT_OUT, with the limits, and refuses a malformed limit naming its variable", () => {
    const settings = securityTestSettings({ SECURITY_TEST_OPT_OUT: "example.org", SECURITY_TEST_LIMIT_PER_IP: "2" });
    expect(settings).toMatchObject({ optOut: ["example.org"], perIpPerHour: 2, ports: "top-100" });
    expect(() => securityTestSettings({ SECURITY_TEST_MAX_CONCURRENT: "lots" })).toThrow(
      /SECURITY_TEST_MAX_CONCURRENT/,
    );
  });
});

describe("the security test's domain field", () => {
  it("gives the asset form's messages, and asks for a domain instead of an IP address", () => {
    for (const input of ["https://example.com/x", "", "example.com:443", "*.example.com", "a@example.com"]) {
      const asset = addAssetSchema.safeParse({ value: input });
      const test = securityTestSchema.safeParse({ domain: input });
      expect(test.error?.issues[0]?.message).toBe(asset.error?.issues[0]?.message);
    }
    expect(securityTestSchema.safeParse({ domain: "192.0.2.1" }).error?.issues[0]?.message).toBe(DOMAIN_ONLY_MESSAGE);
    expect(securityTestSchema.parse({ domain: " Shop.Example.COM. " }).domain).toBe("shop.example.com");
  });
});

describe("the teaser", () => {
  it("tests the first IPv4 address of the domain, else its first address", () => {
    const v6 = { ip: "2001:db8::1", family: 6 as const, hostname: "example.com", discovered: false };
    const v4 = { ip: "192.0.2.1", family: 4 as const, hostname: "example.com", discovered: false };
    expect(mainAddress([v6, v4])).toBe(v4);
    expect(mainAddress([v6])).toBe(v6);
    expect(mainAddress([])).toBeUndefined();
  });

  it("names the riskiest service classes worst first, counts their ports and leaves out informational ones", () => {
    const grade = gradeAsset(
      {
        findings: [
          observedPort({ port: 443, typicalService: "https", detectedService: "https" }),
          observedPort({ port: 80, typicalService: "http", detectedService: "http" }),
          observedPort({ port: 6379, typicalService: "redis", detectedService: "redis" }),
          observedPort({ port: 3306, typicalService: "mysql", detectedService: "mysql" }),
          observedPort({ port: 5432, typicalService: "postgresql", detectedService: "postgresql" }),
          observedPort({ port: 22, typicalService: "ssh", detectedService: "ssh" }),
        ],
      },
      { asOf: new Date("2026-11-28T00:00:00Z") },
    );
    const classes = riskiestClasses(grade);
    expect(classes).toHaveLength(3);
    expect(classes).toContainEqual(expect.objectContaining({ serviceClass: "database", ports: 2 }));
    expect(classes.map((c) => c.serviceClass)).not.toContain("web");
    const ranks = ["info", "low", "medium", "high", "critical"];
    const order = classes.map((c) => ranks.indexOf(c.severity));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    // Nothing in it says where: no address, no port number.
    expect(JSON.stringify(classes)).not.toMatch(/192\.0\.2|6379|3306|5432/);
  });
});
