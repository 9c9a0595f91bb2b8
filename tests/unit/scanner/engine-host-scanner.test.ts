import { describe, expect, it } from "vitest";
import type { ConnectCallback, ConnectOutcome, Connector } from "@/lib/scanner/tcp/connect-outcome";
import { scanHostTcp } from "@/lib/scanner/tcp/host-scanner";
import { InFlightBudget } from "@/lib/scanner/tcp/inflight-budget";
import type { PortFeed } from "@/lib/scanner/tcp/port-feed";
import type { TcpTiming } from "@/lib/scanner/tcp/tcp-timing";

const TIMING: TcpTiming = {
  initialTimeoutMs: 30,
  minTimeoutMs: 20,
  maxTimeoutMs: 60,
  maxRetries: 3,
  initialWindow: 4,
  maxWindowPerHost: 64,
};

/** A scripted host: `answer(port, attempt)` says what the n-th probe of a port gets; null = silence. */
function fakeConnector(answer: (port: number, attempt: number) => ConnectOutcome | null) {
  const attempts = new Map<number, number>();
  const stats = { inFlight: 0, maxInFlight: 0, cancelled: 0, sent: 0 };
  const connector: Connector = {
    name: "fake",
    connect(_ip, _family, port, done: ConnectCallback) {
      const attempt = (attempts.get(port) ?? 0) + 1;
      attempts.set(port, attempt);
      stats.sent++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      let live = true;
      const outcome = answer(port, attempt);
      if (outcome !== null) {
        setTimeout(() => {
          if (!live) return;
          live = false;
          stats.inFlight--;
          done(outcome, null);
        }, 1);
      }
      return {
        cancel() {
          if (!live) return;
          live = false;
          stats.inFlight--;
          stats.cancelled++;
        },
      };
    },
  };
  return { connector, attempts, stats };
}

const ports = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("scanHostTcp scheduling", () => {
  it("classifies answers and reports each port exactly once", async () => {
    const fake = fakeConnector((port) => (port % 10 === 0 ? "open" : port % 7 === 0 ? null : "closed"));
    const reported: number[] = [];
    const { states } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(100),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
      onPortState: (port) => reported.push(port),
    });
    expect(states.get(10)).toBe("open");
    expect(states.get(7)).toBe("filtered");
    expect(states.get(1)).toBe("closed");
    expect(states.size).toBe(100);
    expect(reported.sort((a, b) => a - b)).toEqual(ports(100));
  });

  it("retries silent ports once, and stops when the retry recovers nothing (filtered, not lost)", async () => {
    const fake = fakeConnector((port) => (port <= 5 ? null : "closed"));
    const { states, stats } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(20),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    for (const port of [1, 2, 3, 4, 5]) {
      expect(states.get(port)).toBe("filtered");
      expect(fake.attempts.get(port)).toBe(2);
    }
    expect(stats.passes).toBe(2);
    expect(stats.lossEvents).toBe(0);
  });

  it("treats a retry that gets answered as loss: halves the window and keeps retrying", async () => {
    // Ports 1-10 lose their first probe, 11-12 their first two: a lossy path, not a firewall.
    const fake = fakeConnector((port, attempt) =>
      (port <= 10 ? attempt === 1 : port <= 12 && attempt <= 2) ? null : "open",
    );
    const { states, stats } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(30),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    expect(ports(12).filter((port) => states.get(port) !== "open")).toEqual([]);
    expect(stats.passes).toBe(3);
    expect(stats.lossEvents).toBeGreaterThanOrEqual(1);
  });

  it("does not sweep thousands of filtered ports again for one late answer", async () => {
    const fake = fakeConnector((port, attempt) =>
      port === 1 ? (attempt === 1 ? null : "open") : port <= 5 ? "closed" : null,
    );
    const { states, stats } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(500),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    expect(states.get(1)).toBe("open");
    expect(stats.passes).toBe(2);
    expect(fake.attempts.get(400)).toBe(2);
  });

  it("gives up after maxRetries passes", async () => {
    const fake = fakeConnector((port, attempt) =>
      port === 1 && attempt <= 10 ? null : port === 2 && attempt === 1 ? null : "closed",
    );
    const { states } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: [1, 2],
      timing: { ...TIMING, maxRetries: 2 },
      connector: fake.connector,
      budget: new InFlightBudget(10),
    });
    expect(states.get(1)).toBe("filtered");
    expect(fake.attempts.get(1)).toBe(3);
  });

  it("backs off and retries ports that hit local resource limits instead of failing", async () => {
    const fake = fakeConnector((port, attempt) => (port <= 3 && attempt === 1 ? "local-resource" : "closed"));
    const { states, stats } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(10),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(100),
    });
    expect([...states.values()].every((s) => s === "closed")).toBe(true);
    expect(stats.localResourceErrors).toBe(3);
  });

  it("never exceeds the window cap nor the shared budget", async () => {
    const fake = fakeConnector(() => "closed");
    await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(2000),
      timing: { ...TIMING, maxWindowPerHost: 50 },
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    expect(fake.stats.maxInFlight).toBe(50);
    const tight = fakeConnector(() => "closed");
    const budget = new InFlightBudget(7);
    await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(500),
      timing: TIMING,
      connector: tight.connector,
      budget,
    });
    expect(tight.stats.maxInFlight).toBe(7);
    expect(budget.inUse).toBe(0);
  });

  it("starts with the initial window and grows it as answers arrive", async () => {
    const fake = fakeConnector(() => "closed");
    const { stats } = await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(1000),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    expect(stats.finalWindow).toBe(64);
  });

  it("cancels every outstanding probe and releases the budget on abort", async () => {
    const fake = fakeConnector(() => null);
    const budget = new InFlightBudget(100);
    const controller = new AbortController();
    const scan = scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(100),
      timing: { ...TIMING, initialTimeoutMs: 10_000, maxTimeoutMs: 10_000, minTimeoutMs: 10_000 },
      connector: fake.connector,
      budget,
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error("stop"));
    await expect(scan).rejects.toThrow("stop");
    expect(fake.stats.inFlight).toBe(0);
    expect(fake.stats.cancelled).toBe(4);
    expect(budget.inUse).toBe(0);
  });

  it("scans ports a feed delivers later, and ends only once the feed is closed", async () => {
    const pending = ports(600);
    let wake: (() => void) | null = null;
    let closed = false;
    // Another thread's share arrives in three late deliveries, like a worker asking the main thread.
    const feed: PortFeed = {
      take: (max) => pending.splice(0, Math.min(max, pending.length > 400 ? 200 : pending.length)),
      get closed() {
        return closed && pending.length === 0;
      },
      onMore: (w) => {
        wake = w;
      },
    };
    const hold = pending.splice(200);
    const fake = fakeConnector(() => "closed");
    const scan = scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: feed,
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
    });
    let settled = false;
    void scan.then(() => (settled = true));
    // The scanner asks for more once it has drained what it has; on a loaded machine that can take
    // longer than any fixed pause, so wait for the request itself.
    const nextRequest = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      while (wake === null) await new Promise((resolve) => setTimeout(resolve, 5));
      const requested = wake;
      wake = null;
      return requested;
    };
    for (const batch of [hold.splice(0, 200), hold.splice(0, 200)]) {
      const more = await nextRequest();
      expect(settled).toBe(false);
      pending.push(...batch);
      more();
    }
    const more = await nextRequest();
    expect(settled).toBe(false);
    closed = true;
    more();
    const { states } = await scan;
    expect([...states.keys()].sort((a, b) => a - b)).toEqual(ports(600));
    expect(fake.stats.sent).toBe(600);
  });

  it("obeys a window cap lowered while the scan runs", async () => {
    const cap = { max: 64 };
    const fake = fakeConnector(() => "closed");
    let answered = 0;
    let maxAfterLowering = 0;
    await scanHostTcp({
      ip: "192.0.2.1",
      family: 4,
      ports: ports(3000),
      timing: TIMING,
      connector: fake.connector,
      budget: new InFlightBudget(1000),
      windowCap: cap,
      onPortState: () => {
        if (++answered === 1000) cap.max = 8;
        // Probes already out when the cap dropped drain first; after that the cap holds.
        if (answered > 1100) maxAfterLowering = Math.max(maxAfterLowering, fake.stats.inFlight);
      },
    });
    expect(fake.stats.maxInFlight).toBe(64);
    expect(maxAfterLowering).toBeLessThanOrEqual(8);
    expect(maxAfterLowering).toBeGreaterThan(0);
  });
});
