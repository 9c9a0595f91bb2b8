import type { MailMessage } from "@/lib/mail";
import { appUrl } from "../app-url";
import { renderAccountMail } from "./render";

export function resetPasswordMail(input: { to: string; name: string | null; token: string }): MailMessage {
  const url = appUrl(`/reset-password?token=${encodeURIComponent(input.token)}`);
  return {
    to: input.to,
    subject: "Reset your Portwatch password",
    ...renderAccountMail({
      greetingName: input.name,
      paragraphs: [
        "Someone (hopefully you) asked to reset the password of your Portwatch account.",
        "Choosing a new password signs you out on every other device.",
      ],
      action: { label: "Choose a new password", url },
      footer:
        "The link works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays as it is.",
    }),
  };
}
