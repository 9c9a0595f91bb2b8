import { describe, expect, it } from "vitest";
import { dueTrialReminder } from "@/lib/billing/trial-reminders";

const END = new Date("2026-09-15T10:00:00Z");
const at = (daysBeforeEnd: number, ms = 0) => new Date(END.getTime() - daysBeforeEnd * 86_400_000 + ms);

describe("dueTrialReminder", () => {
  it("is due from each moment until the next, and the ended mail for two days", () => {
    expect(dueTrialReminder(END, at(7, -1))).toBeNull();
    expect(dueTrialReminder(END, at(7))).toBe("7-days");
    expect(dueTrialReminder(END, at(3, -1))).toBe("7-days");
    expect(dueTrialReminder(END, at(3))).toBe("3-days");
    expect(dueTrialReminder(END, at(1, -1))).toBe("3-days");
    expect(dueTrialReminder(END, at(1))).toBe("1-day");
    expect(dueTrialReminder(END, at(0, -1))).toBe("1-day");
    expect(dueTrialReminder(END, at(0))).toBe("ended");
    expect(dueTrialReminder(END, at(-2, -1))).toBe("ended");
    expect(dueTrialReminder(END, at(-2))).toBeNull();
  });
});
