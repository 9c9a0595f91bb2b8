import { describe, expect, it } from "vitest";
import { CongestionWindow } from "@/lib/scanner/tcp/congestion-window";
import { socketBudget } from "@/lib/scanner/tcp/fd-limit";
import { InFlightBudget } from "@/lib/scanner/tcp/inflight-budget";
import { RateLimiter } from "@/lib/scanner/tcp/rate-limiter";
import { RttEstimator } from "@/lib/scanner/tcp/rtt-estimator";
import { outcomeOfError } from "@/lib/scanner/tcp/connect-outcome";

const timing = { initialTimeoutMs: 1000, minTimeoutMs: 100, maxTimeoutMs: 1500 };

describe("RttEstimator", () => {
  it("uses the initial timeout until the first sample", () => {
    expect(new RttEstimator(timing).timeoutMs).toBe(1000);
  });

  it("follows RFC 6298: first sample sets srtt=R, rttvar=R/2", () => {
    const rtt = new RttEstimator({ ...timing, minTimeoutMs: 1 });
    rtt.sample(200);
    expect(rtt.smoothedRttMs).toBe(200);
    expect(rtt.timeoutMs).toBe(200 + 4 * 100);
    rtt.sample(100);
    // rttvar = 0.75*100 + 0.25*|200-100| = 100; srtt = 0.875*200 + 0.125*100 = 187.5
    expect(rtt.smoothedRttMs).toBe(187.5);
    expect(rtt.timeoutMs).toBe(187.5 + 400);
  });

  it("stays within floor and ceiling", () => {
    const fast = new RttEstimator(timing);
    for (let i = 0; i < 50; i++) fast.sample(0.1);
    expect(fast.timeoutMs).toBe(100);
    const slow = new RttEstimator(timing);
    for (let i = 0; i < 50; i++) slow.sample(5000);
    expect(slow.timeoutMs).toBe(1500);
  });

  it("a jittery path gets a longer timeout than a steady one with the same mean", () => {
    const steady = new RttEstimator({ ...timing, minTimeoutMs: 1 });
    const jittery = new RttEstimator({ ...timing, minTimeoutMs: 1 });
    for (let i = 0; i < 40; i++) {
      steady.sample(50);
      jittery.sample(i % 2 === 0 ? 10 : 90);
    }
    expect(jittery.timeoutMs).toBeGreaterThan(steady.timeoutMs + 50);
  });
});

describe("CongestionWindow", () => {
  it("starts at the initial window and doubles per round trip in slow start", () => {
    const window = new CongestionWindow({ initial: 10, max: 1000 });
    expect(window.size).toBe(10);
    for (let i = 0; i < 10; i++) window.onProbeCompleted();
    expect(window.size).toBe(20);
  });

  it("never exceeds the cap", () => {
    const window = new CongestionWindow({ initial: 10, max: 64 });
    for (let i = 0; i < 10_000; i++) window.onProbeCompleted();
    expect(window.size).toBe(64);
  });

  it("halves on loss, then grows additively (about +1 per window)", () => {
    const window = new CongestionWindow({ initial: 10, max: 1000 });
    for (let i = 0; i < 90; i++) window.onProbeCompleted();
    expect(window.size).toBe(100);
    expect(window.onLoss(1000, 100)).toBe(true);
    expect(window.size).toBe(50);
    for (let i = 0; i < 50; i++) window.onProbeCompleted();
    expect(window.size).toBe(50);
    for (let i = 0; i < 60; i++) window.onProbeCompleted();
    expect(window.size).toBe(52);
  });

  it("counts a burst of losses within one timeout as one event", () => {
    const window = new CongestionWindow({ initial: 64, max: 1000 });
    window.onLoss(1000, 200);
    window.onLoss(1100, 200);
    window.onLoss(1150, 200);
    expect(window.size).toBe(32);
    expect(window.lossEvents).toBe(1);
    window.onLoss(1300, 200);
    expect(window.size).toBe(16);
  });

  it("never shrinks below 2", () => {
    const window = new CongestionWindow({ initial: 3, max: 10 });
    for (let t = 0; t < 10; t++) window.onLoss(t * 1000, 1);
    expect(window.size).toBe(2);
  });
});

describe("budgets and rate", () => {
  it("derives the socket budget from the descriptor limit with headroom", () => {
    expect(socketBudget(1024)).toBe(672);
    expect(socketBudget(20_000)).toBe(14_904);
    expect(socketBudget(100)).toBe(32);
  });

  it("InFlightBudget caps acquisitions and wakes a waiter on release", () => {
    const budget = new InFlightBudget(2);
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(false);
    let woken = 0;
    budget.waitForRelease(() => woken++);
    budget.release();
    expect(woken).toBe(1);
    expect(budget.tryAcquire()).toBe(true);
  });

  it("InFlightBudget takes as many slots as are free and gives several back, waking waiters", () => {
    const budget = new InFlightBudget(5);
    expect(budget.tryAcquireUpTo(3)).toBe(3);
    expect(budget.tryAcquireUpTo(4)).toBe(2);
    expect(budget.tryAcquireUpTo(1)).toBe(0);
    expect(budget.tryAcquireUpTo(-1)).toBe(0);
    let woken = 0;
    budget.waitForRelease(() => woken++);
    budget.releaseMany(4);
    expect(woken).toBe(1);
    expect(budget.inUse).toBe(1);
  });

  it("RateLimiter allows about packetsPerSecond over time", () => {
    let now = 0;
    const limiter = new RateLimiter(1000, () => now);
    let sent = 0;
    for (let ms = 0; ms < 1000; ms++) {
      now = ms;
      while (limiter.tryTake()) sent++;
    }
    expect(sent).toBeGreaterThanOrEqual(990);
    expect(sent).toBeLessThanOrEqual(1060);
    expect(() => new RateLimiter(0)).toThrow();
  });

  it("maps socket errors to port states", () => {
    expect(outcomeOfError("ECONNREFUSED")).toBe("closed");
    expect(outcomeOfError("EHOSTUNREACH")).toBe("unreachable");
    expect(outcomeOfError("EMFILE")).toBe("local-resource");
    expect(outcomeOfError("EADDRNOTAVAIL")).toBe("local-resource");
    expect(outcomeOfError("ETIMEDOUT")).toBe("silent");
  });
});
