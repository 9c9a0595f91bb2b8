import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_LIMIT_PER_ACCOUNT,
  SIGN_IN_LIMIT_PER_IP,
  decideDelay,
  decideLimit,
  delayAfterFailures,
  retryAfterMinutes,
  waitText,
  type WindowLimit,
} from "@/lib/auth/rate-limit";

const MIN = 60_000;
const now = new Date("2026-03-01T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const rule: WindowLimit = { limit: 5, windowMs: 15 * MIN };

describe("sign-in rate limit window", () => {
  it("is 20 failures per address in 15 minutes and a ceiling of 100 per account in an hour", () => {
    expect(SIGN_IN_LIMIT_PER_IP).toEqual({ limit: 20, windowMs: 15 * MIN });
    expect(SIGN_IN_LIMIT_PER_ACCOUNT).toEqual({ limit: 100, windowMs: 60 * MIN });
  });

  it("allows up to limit-1 failures, refuses at the limit", () => {
    expect(
      decideLimit(
        [1, 2, 3, 4].map((m) => ago(m * MIN)),
        rule,
        now,
      ),
    ).toEqual({ allowed: true });
    expect(
      decideLimit(
        [1, 2, 3, 4, 5].map((m) => ago(m * MIN)),
        rule,
        now,
      ).allowed,
    ).toBe(false);
  });

  it("ignores failures older than the window", () => {
    const times = [1, 2, 3, 4].map((m) => ago(m * MIN)).concat([ago(15 * MIN + 1), ago(60 * MIN)]);
    expect(decideLimit(times, rule, now)).toEqual({ allowed: true });
  });

  it("no longer counts a failure exactly one window old", () => {
    const times = [1, 2, 3, 4].map((m) => ago(m * MIN));
    expect(decideLimit(times.concat([ago(15 * MIN - 1)]), rule, now).allowed).toBe(false);
    expect(decideLimit(times.concat([ago(15 * MIN)]), rule, now).allowed).toBe(true);
  });

  it("tells how long until the oldest counted failure leaves the window", () => {
    // Failures 10, 8, 6, 4, 2 minutes ago: the one 10 minutes ago leaves in 5 minutes.
    const decision = decideLimit(
      [10, 8, 6, 4, 2].map((m) => ago(m * MIN)),
      rule,
      now,
    );
    expect(decision).toEqual({ allowed: false, retryAfterMs: 5 * MIN });
  });

  it("with more failures than the limit, waits until enough have left", () => {
    // 7 failures: 3 must age out; the third oldest (10 min ago) leaves in 5 minutes.
    const decision = decideLimit(
      [14, 12, 10, 8, 6, 4, 2].map((m) => ago(m * MIN)),
      rule,
      now,
    );
    expect(decision).toEqual({ allowed: false, retryAfterMs: 5 * MIN });
  });

  it("never says to retry before the attempt would actually be allowed (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * MIN }), { maxLength: 40 }), (agesMs) => {
        const times = agesMs.map((a) => ago(a));
        const decision = decideLimit(times, rule, now);
        const inWindow = agesMs.filter((a) => a < rule.windowMs).length;
        expect(decision.allowed).toBe(inWindow < rule.limit);
        if (!decision.allowed) {
          const later = new Date(now.getTime() + decision.retryAfterMs);
          expect(decideLimit(times, rule, later).allowed).toBe(true);
          const justBefore = new Date(later.getTime() - 1);
          if (decision.retryAfterMs > 1) expect(decideLimit(times, rule, justBefore).allowed).toBe(false);
        }
      }),
    );
  });

  it("rounds the wait up to whole minutes, at least one", () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(60_000)).toBe(1);
    expect(retryAfterMinutes(60_001)).toBe(2);
    expect(retryAfterMinutes(14 * MIN + 30_000)).toBe(15);
  });
});

describe("progressive delay per account and address", () => {
  const rule = SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS;

  it("lets the first 3 failures through, then waits 30 s, doubling up to 15 minutes", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => delayAfterFailures(n, rule) / 1000)).toEqual([
      0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it("counts the wait from the last failure in the hour", () => {
    expect(decideDelay([ago(5_000), ago(6_000)], rule, now)).toEqual({ allowed: true });
    expect(decideDelay([ago(10_000), ago(20_000), ago(30_000)], rule, now)).toEqual({
      allowed: false,
      retryAfterMs: 20_000,
    });
    expect(decideDelay([ago(31_000), ago(40_000), ago(50_000)], rule, now)).toEqual({ allowed: true });
    expect(decideDelay([ago(61 * MIN), ago(62 * MIN), ago(63 * MIN), ago(64 * MIN)], rule, now)).toEqual({
      allowed: true,
    });
  });

  it("says seconds under a minute and minutes above, rounded up", () => {
    expect(waitText(1)).toBe("1 second");
    expect(waitText(20_000)).toBe("20 seconds");
    expect(waitText(59_001)).toBe("60 seconds");
    expect(waitText(60_001)).toBe("2 minutes");
  });
});
