import { DAY_MS } from "@/lib/plans/plans";

/**
 * The trial reminder mails, in the order they go out: 7, 3 and 1 days before the trial ends, and when
 * it has ended. Each is due from its moment until the next one's (the last for two days), so a
 * reminder the scheduler missed is sent late rather than never, but an old one is never sent after a
 * newer one.
 */
export const TRIAL_REMINDERS = [
  { kind: "7-days", beforeEndMs: 7 * DAY_MS },
  { kind: "3-days", beforeEndMs: 3 * DAY_MS },
  { kind: "1-day", beforeEndMs: 1 * DAY_MS },
  { kind: "ended", beforeEndMs: 0 },
] as const;

export type TrialReminderKind = (typeof TRIAL_REMINDERS)[number]["kind"];

/** How long after the end the "trial ended" mail may still go out. */
export const ENDED_REMINDER_WINDOW_MS = 2 * DAY_MS;

/** The reminder due for a trial ending at `trialEndsAt`, at `now`; null when none is. */
export function dueTrialReminder(trialEndsAt: Date, now: Date): TrialReminderKind | null {
  const end = trialEndsAt.getTime();
  for (let i = TRIAL_REMINDERS.length - 1; i >= 0; i--) {
    const reminder = TRIAL_REMINDERS[i]!;
    const from = end - reminder.beforeEndMs;
    const next = TRIAL_REMINDERS[i + 1];
    const until = next ? end - next.beforeEndMs : end + ENDED_REMINDER_WINDOW_MS;
    if (now.getTime() >= from && now.getTime() < until) return reminder.kind;
  }
  return null;
}
