import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectCallback, Connector } from "@/lib/scanner/tcp/connect-outcome";
import { InFlightBudget } from "@/lib/scanner/tcp/inflight-budget";
import { RttEstimator } from "@/lib/scanner/tcp/rtt-estimator";
import type { ShardCallbacks, ShardHandle } from "@/lib/scanner/tcp/shard-worker";
import type { TcpTiming } from "@/lib/scanner/tcp/tcp-timing";

/** Stand-ins for worker threads: each takes batches from the shared list and scripts what it does with them. */
const workers: { takeBatches: number; crash: boolean; took: number[]; crashed?: boolean }[] = [];
/** What became of each spawned worker: started with a share of the scan, cancelled unused, or neither. */
const spawned: ("waiting" | "started" | "cancelled")[] = [];
vi.mock("@/lib/scanner/tcp/shard-worker", () => ({
  spawnShardWorker: () => {
    const index = spawned.push("waiting") - 1;
    return {
      start: (request: unknown, callbacks: ShardCallbacks) => {
        spawned[index] = "started";
        return fakeWorker(request, callbacks);
      },
      cancel: () => {
        if (spawned[index] === "waiting") spawned[index] = "cancelled";
      },
    };
  },
}));
function fakeWorker(_request: unknown, callbacks: ShardCallbacks): ShardHandle {
  const script = workers.shift() ?? { takeBatches: Infinity, crash: false, took: [] };
  const done = (async () => {
    for (let i = 0; i < script.takeBatches; i++) {
      // One batch per turn of the event loop, as the fake host answers: no race with wall-clock timers.
      await new Promise((resolve) => setImmediate(resolve));
      const { ports, closed } = callbacks.nextBatch();
      script.took.push(...ports);
      // A crashing worker reports only half of what it took before dying.
      const reported = script.crash ? ports.slice(0, ports.length >> 1) : ports;
      reported.forEach((port) => callbacks.onStates(port, "closed"));
      if (closed) break;
    }
    if (script.crash) {
      script.crashed = true;
      throw new Error("worker exited with code 1");
    }
    return {
      probesSent: script.took.length,
      passes: 1,
      lossEvents: 0,
      localResourceErrors: 0,
      finalTimeoutMs: 100,
      smoothedRttMs: 0.1,
      finalWindow: 10,
      threads: 1,
    };
  })();
  return { done, abort() {} };
}
const { scanHostTcpParallel } = await import("@/lib/scanner/tcp/parallel-scan");

const TIMING: TcpTiming = {
  initialTimeoutMs: 30,
  minTimeoutMs: 20,
  maxTimeoutMs: 60,
  maxRetries: 1,
  initialWindow: 4,
  maxWindowPerHost: 64,
};
const PORTS = Array.from({ length: 20_000 }, (_, i) => i + 1);

/** Every port closed, answered on the next tick. Peak probes in flight are kept per phase of the scan. */
function closedHost(phase: () => string = () => "scan") {
  const probed: number[] = [];
  const load = { inFlight: 0, peak: new Map<string, number>() };
  const connector: Connector = {
    name: "fake",
    connect(_ip, _family, port, done: ConnectCallback) {
      probed.push(port);
      load.inFlight++;
      load.peak.set(phase(), Math.max(load.peak.get(phase()) ?? 0, load.inFlight));
      const timer = setImmediate(() => {
        load.inFlight--;
        done("closed", null);
      });
      return {
        cancel: () => {
          load.inFlight--;
          clearImmediate(timer);
        },
      };
    },
  };
  return { connector, probed, load };
}

/** All of PORTS with an automatic plan and room for every socket. */
function scanAutomatically(connector: Connector, plan: Parameters<typeof scanHostTcpParallel>[0]["plan"]) {
  return scanHostTcpParallel({
    ip: "192.0.2.1",
    family: 4,
    ports: PORTS,
    timing: TIMING,
    connector,
    budget: new InFlightBudget(1000),
    plan,
  });
}

afterEach(() => {
  workers.length = 0;
  spawned.length = 0;
});

describe("scanHostTcpParallel", () => {
  it("rescans here the ports a crashed worker took but never reported, each port reported once", async () => {
    const crashing: (typeof workers)[number] = { takeBatches: 3, crash: true, took: [] };
    workers.push(crashing);
    const host = closedHost(() => (crashing.crashed ? "alone" : "sharing"));
    const reported: number[] = [];
    const budget = new InFlightBudget(1000);
    const { states, stats } = await scanHostTcpParallel({
      ip: "192.0.2.1",
      family: 4,
      ports: PORTS,
      timing: TIMING,
      connector: host.connector,
      budget,
      plan: { threads: 2 },
      onPortState: (port) => reported.push(port),
    });
    // Half the host's window while the worker lived; the whole window back once it had crashed.
    expect(host.load.peak.get("sharing")).toBeLessThanOrEqual(TIMING.maxWindowPerHost / 2);
    expect(host.load.peak.get("alone")).toBe(TIMING.maxWindowPerHost);
    expect(crashing.took.length).toBeGreaterThan(0);
    expect(states.size).toBe(PORTS.length);
    expect([...reported].sort((a, b) => a - b)).toEqual(PORTS);
    const lost = crashing.took.slice(crashing.took.length - 1);
    expect(host.probed).toEqual(expect.arrayContaining(lost));
    expect(stats.threads).toBe(2);
    expect(budget.inUse).toBe(0);
  });

  it("lets an automatic plan add workers once the round trip is measured, and gives their cores back", async () => {
    const joined = { takeBatches: Infinity, crash: false, took: [] as number[] };
    workers.push(joined);
    const host = closedHost();
    const rtt = new RttEstimator(TIMING);
    let minRttWhenDeciding: number | null = null;
    const decide = vi.fn(() => {
      minRttWhenDeciding = rtt.minRttMs;
      return 1;
    });
    const release = vi.fn();
    const { states, stats } = await scanHostTcpParallel({
      ip: "192.0.2.1",
      family: 4,
      ports: PORTS,
      timing: TIMING,
      connector: host.connector,
      budget: new InFlightBudget(1000),
      rtt,
      plan: { decide, release },
    });
    expect(decide).toHaveBeenCalledTimes(1);
    const [measured] = decide.mock.calls[0] as unknown as [{ minRttMs: number | null; remainingPorts: number }];
    expect(measured.minRttMs).not.toBeNull();
    expect(measured.minRttMs).toBe(minRttWhenDeciding);
    expect(measured.remainingPorts).toBeGreaterThan(0);
    expect(measured.remainingPorts).toBeLessThan(PORTS.length);
    expect(joined.took.length).toBeGreaterThan(0);
    expect(states.size).toBe(PORTS.length);
    expect(host.probed.length + joined.took.length).toBe(PORTS.length);
    expect(stats.threads).toBe(2);
    expect(release).toHaveBeenCalledWith(1);
  });

  it("stays on this thread when the automatic plan grants no worker", async () => {
    const host = closedHost();
    const release = vi.fn();
    const { states, stats } = await scanAutomatically(host.connector, { decide: () => 0, release });
    expect(states.size).toBe(PORTS.length);
    expect(host.probed.length).toBe(PORTS.length);
    expect(stats.threads).toBe(1);
    expect(release).toHaveBeenCalledWith(0);
  });

  it("uses a worker spawned before the decision when granted, and ends the unused ones", async () => {
    const host = closedHost();
    const { stats } = await scanAutomatically(host.connector, { decide: () => 1, release: () => {}, prewarm: 2 });
    expect(stats.threads).toBe(2);
    expect(spawned).toEqual(["started", "cancelled"]);
  });

  it("ends every spawned worker when the plan grants none", async () => {
    const host = closedHost();
    await scanAutomatically(host.connector, { decide: () => 0, release: () => {}, prewarm: 1 });
    expect(spawned).toEqual(["cancelled"]);
  });
});
