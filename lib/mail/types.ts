/** A file sent with a mail: an inline image (`cid`, referenced from the HTML as `cid:<cid>`) or an attachment. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Set for inline images. */
  cid?: string;
}

/** One outgoing message. `text` is always sent; `html` is an optional alternative part. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers such as List-Unsubscribe; names and values must be one line. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/** A message ready to hand to a transport: validated, with its sender filled in. */
export interface OutgoingMail extends MailMessage {
  from: string;
}
