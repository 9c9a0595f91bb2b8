import { describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/billing/find-due-trial-reminders", () => ({ findDueTrialReminders: vi.fn() }));
vi.mock("@/lib/billing/send-trial-reminder", () => ({ sendTrialReminder: vi.fn() }));

const { findDueTrialReminders } = await import("@/lib/billing/find-due-trial-reminders");
const { sendTrialReminder } = await import("@/lib/billing/send-trial-reminder");
const { sendTrialReminders } = await import("@/inngest/functions/send-trial-reminders");

const cronEvent = [{ name: "inngest/scheduled.timer", data: { cron: "7 * * * *" } }] as never;

describe("send-trial-reminders", () => {
  it("sends each due reminder in a step of its own, named by organisation and kind", async () => {
    vi.mocked(findDueTrialReminders).mockResolvedValue([
      { organizationId: "o1", kind: "7-days" },
      { organizationId: "o2", kind: "ended" },
    ]);
    vi.mocked(sendTrialReminder).mockResolvedValueOnce("sent").mockResolvedValueOnce("already-sent");
    const { result, ctx } = await new InngestTestEngine({ function: sendTrialReminders, events: cronEvent }).execute();
    expect(result).toEqual({ due: 2, sent: 1 });
    expect(ctx.step.run).toHaveBeenCalledWith("send-trial-reminder-o1-7-days", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("send-trial-reminder-o2-ended", expect.any(Function));
    expect(vi.mocked(sendTrialReminder).mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ["o1", "7-days"],
      ["o2", "ended"],
    ]);
  });

  it("runs hourly, one run at a time", () => {
    const opts = sendTrialReminders["opts"] as { triggers: { cron: string }[]; concurrency: { limit: number }[] };
    expect(opts.triggers[0]!.cron).toBe("7 * * * *");
    expect(opts.concurrency[0]!.limit).toBe(1);
  });
});
