import { sendMail, type MailMessage } from "@/lib/mail";
import { AppError } from "@/lib/errors";

export const MAIL_FAILED_MESSAGE = "We could not send the email just now. Please try again in a few minutes.";

/** Sends a mail; a transport failure is logged in full and reported to the user without details. */
export async function sendLinkMail(message: MailMessage): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    console.error("[portwatch] could not send account mail", { subject: message.subject }, error);
    throw new AppError("internal", MAIL_FAILED_MESSAGE);
  }
}
