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
  headers: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,60}$/, "A header name must be a plain token."),
      z
        .string()
        .max(2000)
        .regex(/^[^\r\n]*$/, "A header must be one line."),
    )
    .optional(),
  attachments: z
    .array(
      z.object({
        filename: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[^\r\n"\\/]*$/, "An attachment name must be one plain line."),
        contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i),
        content: z.instanceof(Buffer),
        cid: z
          .string()
          .regex(/^[A-Za-z0-9.@_-]{1,100}$/)
          .optional(),
      }),
    )
    .max(20)
    .optional(),
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
