import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { findDueTrialReminders } from "@/lib/billing/find-due-trial-reminders";
import { sendTrialReminder } from "@/lib/billing/send-trial-reminder";

/**
 * Hourly: the trial reminder mails (7, 3 and 1 days before the end, and at the end) that are due and
 * not yet sent, one step each (lib/billing/trial-reminders.ts). Each is sent once, whatever retries.
 */
export const sendTrialReminders = inngest.createFunction(
  {
    id: "send-trial-reminders",
    name: "Send trial reminder mails",
    triggers: [cron("7 * * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => {
    const due = await step.run("find-due-trial-reminders", () => findDueTrialReminders(new Date()));
    const outcomes = await Promise.all(
      due.map((reminder) =>
        step.run(`send-trial-reminder-${reminder.organizationId}-${reminder.kind}`, () =>
          sendTrialReminder(reminder.organizationId, reminder.kind, new Date()),
        ),
      ),
    );
    return { due: due.length, sent: outcomes.filter((o) => o === "sent").length };
  },
);
