/** One outgoing message. `text` is always sent; `html` is an optional alternative part. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** A message ready to hand to a transport: validated, with its sender filled in. */
export interface OutgoingMail extends MailMessage {
  from: string;
}
