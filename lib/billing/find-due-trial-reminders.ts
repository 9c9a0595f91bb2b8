import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/plans/plans";
import { dueTrialReminder, ENDED_REMINDER_WINDOW_MS, TRIAL_REMINDERS, type TrialReminderKind } from "./trial-reminders";

export interface DueTrialReminder {
  organizationId: string;
  kind: TrialReminderKind;
}

/** At most this many per run (one step each); the hourly run picks up the rest. */
const BATCH = 500;

/**
 * System-wide by nature (the scheduler serves every organisation): organisations on a running or just
 * ended free trial whose current reminder has not been sent. Organisations that upgraded are on
 * another plan and get none; those created without a trial (a person's second organisation starts
 * with its trial already over, lib/organizations/create-organization.ts) had no trial to be reminded of.
 */
export async function findDueTrialReminders(now: Date): Promise<DueTrialReminder[]> {
  const at = (ms: number) => new Date(now.getTime() + ms);
  // Each reminder's window as a range of end times: due from `beforeEndMs` before the end until the next one's.
  const windows = TRIAL_REMINDERS.map((reminder, i) => {
    const next = TRIAL_REMINDERS[i + 1];
    return {
      trialEndsAt: { lte: at(reminder.beforeEndMs), gt: next ? at(next.beforeEndMs) : at(-ENDED_REMINDER_WINDOW_MS) },
      trialReminders: { none: { kind: reminder.kind } },
    };
  });
  const candidates = await db.organization.findMany({
    where: { plan: "TRIAL", OR: windows },
    select: { id: true, createdAt: true, trialEndsAt: true },
    orderBy: { trialEndsAt: "asc" },
    take: BATCH,
  });
  const due: DueTrialReminder[] = [];
  for (const org of candidates) {
    if (!org.trialEndsAt || org.trialEndsAt.getTime() - org.createdAt.getTime() < DAY_MS) continue;
    const kind = dueTrialReminder(org.trialEndsAt, now);
    if (kind) due.push({ organizationId: org.id, kind });
  }
  return due;
}
