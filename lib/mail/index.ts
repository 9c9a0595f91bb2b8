import { mailTarget } from "./config";
import { storeInDevMailbox } from "./dev-mailbox";
import { sendViaSmtp } from "./transport";
import type { MailMessage } from "./types";
import { validateMessage } from "./validate-message";

export type { MailAttachment, MailMessage } from "./types";

/**
 * Sends one mail: over SMTP when SMTP_URL is set, otherwise into the dev mailbox (/dev/mailbox).
 * Throws MailConfigurationError in production without SMTP_URL, and the transport's error when the
 * server refuses the message, so callers never believe an unsent mail went out.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const mail = validateMessage(message);
  const target = mailTarget();
  if (target.kind === "smtp") await sendViaSmtp(target.url, { ...mail, from: target.from });
  else await storeInDevMailbox({ ...mail, from: target.from });
}
