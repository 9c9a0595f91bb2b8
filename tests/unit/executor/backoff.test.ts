import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter } from "@/lib/executor/backoff";
import { parseTimeString, resolveDeadline } from "@/lib/executor/duration";

describe("backoffDelay", () => {
  const opts = { baseMs: 1000, maxMs: 60_000, jitter: 0 };

  it("doubles with each attempt up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, opts))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ]);
  });

  it("stays within the jitter band and the cap", () => {
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(2, { baseMs: 1000, maxMs: 60_000, jitter: 0.2 });
      expect(d).toBeGreaterThanOrEqual(3200);
      expect(d).toBeLessThanOrEqual(4800);
    }
    expect(backoffDelay(1000, { baseMs: 1000, maxMs: 5000, jitter: 0.5 }, () => 1)).toBe(5000);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  it("reads seconds, ISO dates and HTTP dates", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("2026-03-01T10:01:00Z", now)).toBe(60_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 10:00:10 GMT", now)).toBe(10_000);
  });
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("time strings", () => {
  it("parses Inngest durations", () => {
    expect(parseTimeString("300ms")).toBe(300);
    expect(parseTimeString("2h45m")).toBe(9_900_000);
    expect(parseTimeString("1d")).toBe(86_400_000);
    expect(parseTimeString("1w2d")).toBe(9 * 86_400_000);
    expect(parseTimeString("1.5s")).toBe(1500);
  });
  it("rejects garbage", () => {
    expect(() => parseTimeString("soon")).toThrow(/Invalid duration/);
    expect(() => parseTimeString("5 minutes")).toThrow(/Invalid duration/);
    expect(() => parseTimeString("")).toThrow(/Empty duration/);
  });
  it("resolves deadlines from durations or ISO dates", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    expect(resolveDeadline("1m", now).toISOString()).toBe("2026-03-01T10:01:00.000Z");
    expect(resolveDeadline("2026-03-02T00:00:00.000Z", now).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(() => resolveDeadline(undefined, now)).toThrow(/Invalid duration/);
  });
});
