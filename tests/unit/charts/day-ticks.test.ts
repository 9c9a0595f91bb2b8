import { describe, expect, it } from "vitest";
import { DAY_MS, dayTicks, isoDay } from "@/components/charts/format";

const today = Date.UTC(2026, 10, 28);

describe("time axis ticks", () => {
  it("labels a 90-day window with a handful of days ending today, not every day", () => {
    const ticks = dayTicks(today - 89 * DAY_MS, today);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]).toBe(today - 89 * DAY_MS);
    expect(ticks.at(-1)).toBe(today);
    expect(ticks.every((t) => t % DAY_MS === 0)).toBe(true);
  });

  it("keeps the ticks apart: none within half a step of today", () => {
    for (const days of [7, 30, 90, 365]) {
      const ticks = dayTicks(today - (days - 1) * DAY_MS, today);
      const gaps = ticks.slice(1).map((t, i) => (t - ticks[i]!) / DAY_MS);
      const step = Math.max(...gaps);
      expect(Math.min(...gaps), `${days} days: ${ticks.map(isoDay).join(", ")}`).toBeGreaterThanOrEqual(step / 2);
    }
  });

  it("gives one tick for a window of a single day", () => {
    expect(dayTicks(today, today)).toEqual([today]);
  });
});
