import { appUrl } from "@/lib/auth/app-url";
import { renderAccountMail } from "@/lib/auth/emails/render";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MailMessage } from "@/lib/mail";

export function invitationUrl(token: string): string {
  return appUrl(`/invite/${encodeURIComponent(token)}`);
}

export function invitationMail(input: {
  to: string;
  organizationName: string;
  inviterName: string | null;
  inviterEmail: string;
  role: Role;
  token: string;
  expiresAt: Date;
}): MailMessage {
  const inviter = input.inviterName ? `${input.inviterName} (${input.inviterEmail})` : input.inviterEmail;
  return {
    to: input.to,
    // Never a user-written name in a subject: it is what a spammer would put a URL in.
    subject: "You are invited to join an organisation on Portwatch",
    ...renderAccountMail({
      greetingName: null,
      paragraphs: [
        `${inviter} invited you to join the organisation “${input.organizationName}” on Portwatch as ${input.role.toLowerCase()}.`,
        "Portwatch watches the open ports of your domains and grades their exposure.",
      ],
      action: { label: "Accept the invitation", url: invitationUrl(input.token) },
      footer: `The link works once and expires on ${input.expiresAt.toUTCString()}. If you did not expect this invitation, ignore this email.`,
    }),
  };
}
