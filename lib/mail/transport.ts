import nodemailer, { type Transporter } from "nodemailer";
import type { OutgoingMail } from "./types";

/** One transporter per SMTP_URL, reused so connections and DNS lookups are not repeated for each mail. */
const transporters = new Map<string, Transporter>();

function transporterFor(url: string): Transporter {
  let t = transporters.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transporters.set(url, t);
  }
  return t;
}

export async function sendViaSmtp(url: string, mail: OutgoingMail): Promise<void> {
  const info = await transporterFor(url).sendMail({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
    ...(mail.attachments
      ? {
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
          })),
        }
      : {}),
  });
  if (info.rejected.length > 0) {
    throw new Error(`The SMTP server refused the recipient ${mail.to}.`);
  }
}

/** Closes pooled connections (tests, shutdown). */
export function closeSmtpTransports(): void {
  for (const t of transporters.values()) t.close();
  transporters.clear();
}
