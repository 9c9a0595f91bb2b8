import { describe, expect, it } from "vitest";
import { nextScanAt, scanIntervalMs } from "@/lib/scan-runs/scan-cadence";

const NOW = new Date("2026-01-01T00:00:00Z");
const HOUR = 3600_000;

describe("monitoring cadence", () => {
  it("scans per plan: trial and starter daily, pro every 6 h, enterprise hourly", () => {
    expect(scanIntervalMs({ plan: "TRIAL", trialEndsAt: new Date(NOW.getTime() + HOUR) }, NOW, true)).toBe(24 * HOUR);
    expect(scanIntervalMs({ plan: "STARTER", trialEndsAt: null }, NOW, true)).toBe(24 * HOUR);
    expect(scanIntervalMs({ plan: "PRO", trialEndsAt: null }, NOW, true)).toBe(6 * HOUR);
    expect(scanIntervalMs({ plan: "ENTERPRISE", trialEndsAt: null }, NOW, true)).toBe(HOUR);
  });

  it("an expired trial gets no scheduled scans; a paid plan ignores an old trial end", () => {
    expect(nextScanAt({ plan: "TRIAL", trialEndsAt: NOW }, NOW, true)).toBeNull();
    expect(nextScanAt({ plan: "STARTER", trialEndsAt: new Date(0) }, NOW, true)).toEqual(
      new Date(NOW.getTime() + 24 * HOUR),
    );
  });

  it("an asset whose ownership is not proven is scanned at most daily, whatever the plan", () => {
    expect(scanIntervalMs({ plan: "ENTERPRISE", trialEndsAt: null }, NOW, false)).toBe(24 * HOUR);
    expect(scanIntervalMs({ plan: "PRO", trialEndsAt: null }, NOW, false)).toBe(24 * HOUR);
    expect(scanIntervalMs({ plan: "STARTER", trialEndsAt: null }, NOW, false)).toBe(24 * HOUR);
  });
});
