import { describe, expect, it } from "vitest";
import { AUTO_THREADS_MIN_PORTS, CPU_BOUND_RTT_MS, chooseThreads } from "@/lib/scanner/tcp/thread-choice";

describe("chooseThreads", () => {
  const large = AUTO_THREADS_MIN_PORTS;

  it("adds threads for a large scan of a host that answers within a millisecond", () => {
    expect(chooseThreads({ ports: 65_000, minRttMs: 0.1, spareCores: 1 })).toBe(2);
    expect(chooseThreads({ ports: large, minRttMs: CPU_BOUND_RTT_MS, spareCores: 3 })).toBe(4);
  });

  it("stays on one thread for hosts across a real network, or before any answer", () => {
    expect(chooseThreads({ ports: 65_000, minRttMs: 12, spareCores: 7 })).toBe(1);
    expect(chooseThreads({ ports: 65_000, minRttMs: CPU_BOUND_RTT_MS + 0.01, spareCores: 7 })).toBe(1);
    expect(chooseThreads({ ports: 65_000, minRttMs: null, spareCores: 7 })).toBe(1);
  });

  it("stays on one thread for port lists a worker would not pay for, or without a spare core", () => {
    expect(chooseThreads({ ports: large - 1, minRttMs: 0.1, spareCores: 7 })).toBe(1);
    expect(chooseThreads({ ports: 65_000, minRttMs: 0.1, spareCores: 0 })).toBe(1);
  });

  it("never asks for more than four threads", () => {
    expect(chooseThreads({ ports: 65_000, minRttMs: 0.1, spareCores: 63 })).toBe(4);
  });
});
