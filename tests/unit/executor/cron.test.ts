import { describe, expect, it } from "vitest";
import { parseCron } from "@/lib/executor/cron";

describe("parseCron", () => {
  it("computes the next occurrence of a 5-field expression in UTC", () => {
    const c = parseCron("*/15 * * * *");
    expect(c.next(new Date("2026-03-01T10:01:00Z")).toISOString()).toBe("2026-03-01T10:15:00.000Z");
    expect(c.next(new Date("2026-03-01T10:15:00Z")).toISOString()).toBe("2026-03-01T10:30:00.000Z");
  });

  it("honours a TZ= prefix, including daylight saving time", () => {
    const c = parseCron("TZ=Europe/Paris 0 9 * * *");
    expect(c.timezone).toBe("Europe/Paris");
    // 09:00 in Paris is 08:00 UTC in winter (CET) and 07:00 UTC in summer (CEST).
    expect(c.next(new Date("2026-01-10T12:00:00Z")).toISOString()).toBe("2026-01-11T08:00:00.000Z");
    expect(c.next(new Date("2026-07-10T12:00:00Z")).toISOString()).toBe("2026-07-11T07:00:00.000Z");
    expect(parseCron("CRON_TZ=America/New_York 30 2 * * 1").next(new Date("2026-06-01T00:00:00Z")).toISOString()).toBe(
      "2026-06-01T06:30:00.000Z",
    );
  });

  it("uses OR between day-of-month and day-of-week like standard cron", () => {
    // 1st of the month OR Mondays: after Sun 2026-03-01 12:00 comes Mon 03-02.
    expect(parseCron("0 0 1 * 1").next(new Date("2026-03-01T12:00:00Z")).toISOString()).toBe(
      "2026-03-02T00:00:00.000Z",
    );
  });

  it("accepts nicknames", () => {
    expect(parseCron("@daily").next(new Date("2026-03-01T12:00:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("rejects malformed expressions with clear errors", () => {
    expect(() => parseCron("61 * * * *")).toThrow(/Invalid cron "61 \* \* \* \*"/);
    expect(() => parseCron("* * * *")).toThrow(/expected 5 fields/);
    expect(() => parseCron("0 * * * * *")).toThrow(/expected 5 fields/);
    expect(() => parseCron("TZ=Mars/Olympus 0 9 * * *")).toThrow(/unknown time zone/);
  });
});
