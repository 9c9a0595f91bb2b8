import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/plans/plans";
import { dueTrialReminder, ENDED_REMINDER_WINDOW_MS, TRIAL_REMINDERS, type TrialReminderKind } from "./trial-reminders";

export interface DueTrialReminder {
  organizationId: string;
  kind: TrialReminderKind;
}

/**
 * System-wide by nature (the scheduler serves every organisation): organisations on a running or just
 * ended free trial whose current reminder has not been sent. Organisations that upgraded are on
 * another plan and get none; those created without a trial (a person's second organisation starts
 * with its trial already over, lib/organizations/create-organization.ts) had no trial to be reminded of.
 */
export async function findDueTrialReminders(now: Date): Promise<DueTrialReminder[]> {
  const candidates = await db.organization.findMany({
    where: {
      plan: "TRIAL",
      trialEndsAt: {
        gt: new Date(now.getTime() - ENDED_REMINDER_WINDOW_MS),
        lte: new Date(now.getTime() + TRIAL_REMINDERS[0].beforeEndMs),
      },
    },
    select: { id: true, createdAt: true, trialEndsAt: true, trialReminders: { select: { kind: true } } },
    orderBy: { trialEndsAt: "asc" },
  });
  const due: DueTrialReminder[] = [];
  for (const org of candidates) {
    if (!org.trialEndsAt || org.trialEndsAt.getTime() - org.createdAt.getTime() < DAY_MS) continue;
    const kind = dueTrialReminder(org.trialEndsAt, now);
    if (kind && !org.trialReminders.some((r) => r.kind === kind)) due.push({ organizationId: org.id, kind });
  }
  return due;
}
