import { appUrl } from "@/lib/auth/app-url";
import { renderAccountMail } from "@/lib/auth/emails/render";
import type { MailMessage } from "@/lib/mail";
import type { TrialReminderKind } from "./trial-reminders";

const SUBJECTS: Record<TrialReminderKind, string> = {
  "7-days": "Your Portwatch trial ends in 7 days",
  "3-days": "Your Portwatch trial ends in 3 days",
  "1-day": "Your Portwatch trial ends tomorrow",
  ended: "Your Portwatch trial has ended: scans are paused",
};

export function trialReminderMail(input: {
  to: string;
  name: string | null;
  organizationName: string;
  kind: TrialReminderKind;
  trialEndsAt: Date;
}): MailMessage {
  const date = input.trialEndsAt.toUTCString().slice(0, 22) + " UTC";
  const paragraphs =
    input.kind === "ended"
      ? [
          `The free trial of ${input.organizationName} ended on ${date}. Scheduled and on-demand scans are paused.`,
          "Your assets, findings, grades and history are kept and stay readable. Choose a plan to resume scanning at once.",
        ]
      : [
          `The free trial of ${input.organizationName} ends on ${date}.`,
          "After that, scheduled and on-demand scans pause; your assets, findings and history are kept. Choose a plan now and monitoring continues without a gap.",
        ];
  return {
    to: input.to,
    subject: SUBJECTS[input.kind],
    ...renderAccountMail({
      greetingName: input.name,
      paragraphs,
      action: { label: "Choose a plan", url: appUrl("/settings/billing") },
      footer: "You receive this because you own this organisation on Portwatch.",
    }),
  };
}
