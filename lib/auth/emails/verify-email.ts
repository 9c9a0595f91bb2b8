import type { MailMessage } from "@/lib/mail";
import { appUrl } from "../app-url";
import { renderAccountMail } from "./render";

/** `next`: where to go after confirming and signing in (an invitation the person signed up from). */
export function verifyEmailMail(input: { to: string; name: string | null; token: string; next?: string }): MailMessage {
  const next = input.next ? `&next=${encodeURIComponent(input.next)}` : "";
  const url = appUrl(`/verify-email?token=${encodeURIComponent(input.token)}${next}`);
  return {
    to: input.to,
    subject: "Confirm your email address for Portwatch",
    ...renderAccountMail({
      greetingName: input.name,
      paragraphs: [
        "Thanks for signing up for Portwatch. Please confirm that this is your email address; until you do, you can look around but not add assets or start scans.",
      ],
      action: { label: "Confirm my email address", url },
      footer: "The link works once and expires in 24 hours. If you did not sign up for Portwatch, ignore this email.",
    }),
  };
}
