import type { MailMessage } from "@/lib/mail";
import { appUrl } from "../app-url";
import { renderAccountMail } from "./render";

/** Sent instead of a confirmation link when someone signs up with an address that has an account. */
export function accountExistsMail(input: { to: string; name: string | null }): MailMessage {
  return {
    to: input.to,
    subject: "You already have a Portwatch account",
    ...renderAccountMail({
      greetingName: input.name,
      paragraphs: [
        "Someone, perhaps you, tried to create a Portwatch account with this address. It already has one, so nothing was created or changed.",
        "If it was you, sign in. If you forgot your password, the sign-in page lets you reset it.",
      ],
      action: { label: "Sign in to Portwatch", url: appUrl("/sign-in") },
      footer: "If it was not you, you can ignore this email: your account is unchanged.",
    }),
  };
}
