import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePortSpec } from "@/lib/scanner/ports/parse-port-spec";
import { TOP_PORTS, topPorts } from "@/lib/scanner/ports/top-ports";

describe("parsePortSpec", () => {
  it("parses lists, ranges and combinations without duplicates", () => {
    expect(new Set(parsePortSpec("22,80,443"))).toEqual(new Set([22, 80, 443]));
    expect(parsePortSpec("1-1024")).toHaveLength(1024);
    expect(parsePortSpec("20-25, 22, 80")).toHaveLength(7);
  });

  it("puts common ports first, then the rest ascending", () => {
    expect(parsePortSpec("9,8,443,80,22")).toEqual([80, 443, 22, 8, 9]);
  });

  it("knows top-100, top-1000 and all", () => {
    expect(parsePortSpec("top-100")).toHaveLength(100);
    expect(parsePortSpec("top-1000")).toHaveLength(1000);
    expect(parsePortSpec("all")).toHaveLength(65_535);
    expect(new Set(parsePortSpec("top-100,all")).size).toBe(65_535);
  });

  it.each([
    ["", /empty/],
    ["80,", /empty/],
    ["0", /1-65535/],
    ["65536", /1-65535/],
    ["100-1", /start is greater/],
    ["1-70000", /1-65535/],
    ["http", /use ports/],
    ["top-0", /top-N/],
    ["top-5000", /top-N/],
    ["22;80", /use ports/],
    ["-5", /use ports/],
    ["1e3", /use ports/],
  ])("rejects %j", (spec, message) => {
    expect(() => parsePortSpec(spec)).toThrow(message);
  });

  it("every parsed port is an integer in 1..65535 and every listed port is present", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 65_535 }), { minLength: 1, maxLength: 30 }), (ports) => {
        const parsed = parsePortSpec(ports.join(","));
        expect(new Set(parsed)).toEqual(new Set(ports));
        expect(parsed.length).toBe(new Set(ports).size);
      }),
    );
  });
});

describe("top ports", () => {
  it("holds 1000 unique valid ports, web and SSH first", () => {
    expect(TOP_PORTS).toHaveLength(1000);
    expect(new Set(TOP_PORTS).size).toBe(1000);
    expect(TOP_PORTS.every((p) => Number.isInteger(p) && p >= 1 && p <= 65_535)).toBe(true);
    expect(topPorts(3)).toEqual([80, 443, 22]);
    for (const port of [21, 25, 53, 3306, 3389, 5432, 6379, 8080, 27017]) expect(topPorts(100)).toContain(port);
  });
});
