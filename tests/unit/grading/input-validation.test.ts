import { describe, expect, it } from "vitest";
import type { PortResult } from "@/lib/scanner/types";
import { gradeAsset, GradingInputError, toGradingFinding } from "@/lib/grading";
import { AS_OF, finding, service } from "./finding-builder";

describe("bad input is refused with a message naming the field", () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ["host that is not an IP", [finding({ port: 80, ip: "example.test" })], /findings\[0\]\.ip/],
    ["port 0", [finding({ port: 0 })], /findings\[0\]\.port/],
    ["port 70000", [finding({ port: 70000 })], /findings\[0\]\.port/],
    ["fractional port", [finding({ port: 80.5 })], /findings\[0\]\.port/],
    ["unknown protocol", [finding({ port: 80, protocol: "sctp" as never })], /protocol/],
    ["unknown state", [finding({ port: 80, state: "half-open" as never })], /state/],
    ["string firstSeen", [finding({ port: 80, firstSeen: "2025-01-01" as never })], /firstSeen/],
  ];
  it.each(cases)("%s", (_name, findings, field) => {
    expect(() => gradeAsset({ findings } as never, { asOf: AS_OF })).toThrow(GradingInputError);
    expect(() => gradeAsset({ findings } as never, { asOf: AS_OF })).toThrow(field);
  });

  it("the same port listed twice (IPv6 case differences included)", () => {
    const twice = [service("ssh", 22, { ip: "2001:db8::a" }), service("ssh", 22, { ip: "2001:DB8::A" })];
    expect(() => gradeAsset({ findings: twice }, { asOf: AS_OF })).toThrow(/22\/tcp of 2001:db8::a is listed twice/i);
  });

  it("a missing or invalid asOf", () => {
    expect(() => gradeAsset({ findings: [] }, {} as never)).toThrow(/asOf/);
    expect(() => gradeAsset({ findings: [] }, { asOf: new Date("not a date") })).toThrow(/asOf/);
  });

  it("a non-object input", () => {
    expect(() => gradeAsset(null as never, { asOf: AS_OF })).toThrow(GradingInputError);
  });

  it("a malformed certificate date is ignored rather than guessed", () => {
    const result = gradeAsset(
      {
        findings: [
          service("https", 443, {
            tls: {
              protocol: "TLSv1.3",
              cipher: null,
              subject: null,
              subjectAltNames: [],
              issuer: null,
              validFrom: "soon",
              validTo: "later",
              selfSigned: false,
            },
          }),
        ],
      },
      { asOf: AS_OF },
    );
    expect(result.findings[0]!.deduction).toBe(0);
  });
});

describe("toGradingFinding", () => {
  it("turns a scanner PortResult into a grading finding (the same contract, less the target) and grades it", () => {
    const result: PortResult = {
      target: "example.test",
      ip: "192.0.2.10",
      port: 6379,
      protocol: "tcp",
      state: "open",
      typicalService: "redis",
      pendingClassification: false,
      ianaService: { name: "redis", description: "Redis" },
      detectedService: "redis",
      product: "Redis",
      version: "7.2.4",
      versionRevision: null,
      tls: null,
      banner: "-NOAUTH Authentication required.",
      facts: {},
    };
    const firstSeen = new Date("2025-05-01T00:00:00Z");
    const f = toGradingFinding(result, { firstSeen });
    expect(f).toEqual({
      ip: "192.0.2.10",
      port: 6379,
      protocol: "tcp",
      state: "open",
      typicalService: "redis",
      detectedService: "redis",
      pendingClassification: false,
      product: "Redis",
      version: "7.2.4",
      versionRevision: null,
      tls: null,
      banner: "-NOAUTH Authentication required.",
      facts: {},
      firstSeen,
    });
    const graded = gradeAsset({ findings: [f] }, { asOf: AS_OF });
    expect(graded.findings[0]!.finding).toBe(f);
    expect(graded.grade).toBe("D");
  });
});
