import { describe, expect, it } from "vitest";
import { compileExpression, evaluateKey, expressionMatches } from "@/lib/executor/expressions";

const trigger = {
  name: "scan/requested",
  data: { organizationId: "org_1", assetId: "a1", ports: 100, nested: { tier: "pro" } },
};

describe("expressionMatches", () => {
  it("matches waitForEvent/cancelOn `match` expressions on equal data", () => {
    expect(
      expressionMatches("event.data.assetId == async.data.assetId", {
        event: trigger,
        async: { data: { assetId: "a1" } },
      }),
    ).toBe(true);
    expect(
      expressionMatches("event.data.assetId == async.data.assetId", {
        event: trigger,
        async: { data: { assetId: "a2" } },
      }),
    ).toBe(false);
  });

  it("treats a missing key in the incoming event as no match, not an error", () => {
    expect(expressionMatches("event.data.assetId == async.data.assetId", { event: trigger, async: { data: {} } })).toBe(
      false,
    );
  });

  it("supports literals, numbers, boolean operators and nesting", () => {
    expect(expressionMatches("event.data.ports > 50 && event.data.nested.tier == 'pro'", { event: trigger })).toBe(
      true,
    );
    expect(expressionMatches('event.data.ports < 50 || event.name == "scan/requested"', { event: trigger })).toBe(true);
    expect(expressionMatches("!(event.data.ports == 100)", { event: trigger })).toBe(false);
  });

  it("matches when there is no expression", () => {
    expect(expressionMatches(undefined, { event: trigger })).toBe(true);
    expect(expressionMatches("", { event: trigger })).toBe(true);
  });

  it("never matches on non-boolean results or invalid syntax", () => {
    expect(expressionMatches("event.data.organizationId", { event: trigger })).toBe(false);
    expect(expressionMatches("event.data. ==", { event: trigger })).toBe(false);
  });
});

describe("evaluateKey", () => {
  it("evaluates concurrency keys to strings", () => {
    expect(evaluateKey("event.data.organizationId", { event: trigger })).toBe("org_1");
    expect(evaluateKey('event.data.organizationId + "-" + event.data.assetId', { event: trigger })).toBe("org_1-a1");
    expect(evaluateKey("event.data.ports", { event: trigger })).toBe("100");
  });

  it("returns null when the key cannot be evaluated", () => {
    expect(evaluateKey("event.data.missing", { event: trigger })).toBeNull();
  });
});

describe("compileExpression", () => {
  it("rejects invalid expressions with a readable message", () => {
    expect(() => compileExpression("event.data.x ==")).toThrow(/Invalid expression "event.data.x =="/);
  });
});
