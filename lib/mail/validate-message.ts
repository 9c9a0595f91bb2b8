import { z } from "zod";
import type { MailMessage } from "./types";

const messageSchema = z.object({
  to: z.email({ message: "The recipient must be one e-mail address." }).max(254),
  // A line break in a subject would let a caller inject headers.
  subject: z
    .string()
    .trim()
    .min(1, "A mail needs a subject.")
    .max(200)
    .regex(/^[^\r\n]*$/, "A subject must be one line."),
  text: z.string().min(1, "A mail needs a text body.").max(100_000),
  html: z.string().max(500_000).optional(),
});

/** Rejects a malformed message before anything is sent or stored. */
export function validateMessage(message: MailMessage): MailMessage {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cannot send mail: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid message"}`);
  }
  return parsed.data;
}
