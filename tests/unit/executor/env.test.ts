import { describe, expect, it } from "vitest";
import { decideLocalExecutor, executorSettings, pointSdkAtExecutor } from "@/lib/executor/env";
import { eventNameMatches } from "@/lib/executor/dispatcher";
import { parseEvents } from "@/lib/executor/ingest";
import { seededEventId } from "@/lib/executor/ids";
import { ConcurrencyLimiter } from "@/lib/executor/concurrency";

describe("decideLocalExecutor", () => {
  it("starts by default and stays off when an external Inngest is configured", () => {
    expect(decideLocalExecutor({})).toEqual({ start: true });
    expect(decideLocalExecutor({ INNGEST_DEV: "1" })).toMatchObject({ start: false });
    expect(decideLocalExecutor({ INNGEST_BASE_URL: "http://inngest.internal.test:8288" })).toMatchObject({
      start: false,
    });
    expect(decideLocalExecutor({ INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-00" })).toMatchObject({
      start: false,
    });
    expect(decideLocalExecutor({ PORTWATCH_EXECUTOR: "off" })).toMatchObject({
      start: false,
      reason: "PORTWATCH_EXECUTOR=off",
    });
    expect(decideLocalExecutor({ PORTWATCH_EXECUTOR: "on", INNGEST_EVENT_KEY: "k" })).toEqual({ start: true });
    expect(() => decideLocalExecutor({ PORTWATCH_EXECUTOR: "maybe" })).toThrow(/PORTWATCH_EXECUTOR/);
  });

  it("points the SDK at the executor in signature-verifying cloud mode", () => {
    const env: Record<string, string | undefined> = { PORT: "4000", INNGEST_DEV: "1" };
    const settings = executorSettings(env);
    expect(settings.appUrl).toBe("http://127.0.0.1:4000/api/inngest");
    expect(settings.signingKey).toMatch(/^signkey-local-[0-9a-f]{64}$/);
    pointSdkAtExecutor(env, "http://127.0.0.1:8288", settings);
    expect(env.INNGEST_DEV).toBeUndefined();
    expect(env.INNGEST_BASE_URL).toBe("http://127.0.0.1:8288");
    expect(env.INNGEST_SIGNING_KEY).toBe(settings.signingKey);
    expect(env.INNGEST_EVENT_KEY).toBe(settings.eventKey);
    expect(() => executorSettings({ PORTWATCH_EXECUTOR_PORT: "http" })).toThrow(/PORTWATCH_EXECUTOR_PORT/);
  });
});

describe("events", () => {
  it("matches trigger names exactly or by trailing wildcard", () => {
    expect(eventNameMatches("scan/requested", "scan/requested")).toBe(true);
    expect(eventNameMatches("scan/requested", "scan/requested.v2")).toBe(false);
    expect(eventNameMatches("scan/*", "scan/requested")).toBe(true);
  });

  it("validates events and derives stable ids from the SDK's id seed", () => {
    const [a, b] = parseEvents([{ name: "x", data: { n: 1 } }, { name: "y" }], "1767225600000,AAAAAAAAAAAAAA==");
    expect(a).toMatchObject({ name: "x", data: { n: 1 } });
    expect(b!.data).toEqual({});
    expect(a!.id).toBe(seededEventId("1767225600000,AAAAAAAAAAAAAA==", 0));
    expect(a!.id).not.toBe(b!.id);
    expect(parseEvents({ name: "x", id: "mine" }, null)[0]!.id).toBe("mine");
    expect(() => parseEvents([{ data: {} }], null)).toThrow(/Event 0: name/);
    expect(() => parseEvents([{ name: "x", data: "text" }], null)).toThrow(/Event 0: data/);
    expect(() => parseEvents([], null)).toThrow(/No events/);
  });
});

describe("ConcurrencyLimiter", () => {
  it("enforces per-key limits and the global cap", () => {
    const limiter = new ConcurrencyLimiter(3);
    const orgA = [{ key: "fn:scan:org=a", limit: 1 }];
    const orgB = [{ key: "fn:scan:org=b", limit: 1 }];
    expect(limiter.canStart(orgA)).toBe(true);
    limiter.acquire(orgA);
    expect(limiter.canStart(orgA)).toBe(false);
    expect(limiter.canStart(orgB)).toBe(true);
    limiter.acquire(orgB);
    limiter.acquire([]);
    expect(limiter.canStart([])).toBe(false);
    limiter.release(orgA);
    expect(limiter.canStart(orgA)).toBe(true);
  });
});

describe("executorSettings", () => {
  it("reads the global cap and rejects nonsense", () => {
    expect(executorSettings({}).maxInFlight).toBe(32);
    expect(executorSettings({ PORTWATCH_EXECUTOR_MAX_IN_FLIGHT: "4" }).maxInFlight).toBe(4);
    expect(() => executorSettings({ PORTWATCH_EXECUTOR_MAX_IN_FLIGHT: "0" })).toThrow(
      /PORTWATCH_EXECUTOR_MAX_IN_FLIGHT/,
    );
    expect(() => executorSettings({ PORTWATCH_EXECUTOR_MAX_IN_FLIGHT: "lots" })).toThrow(
      /PORTWATCH_EXECUTOR_MAX_IN_FLIGHT/,
    );
  });
});
