import { db } from "@/lib/db/client";
import type { OutgoingMail } from "./types";

/** How the dev mailbox keeps an attachment (DevMail.attachments). */
export type StoredAttachment = {
  filename: string;
  contentType: string;
  cid?: string;
  base64: string;
};

export interface DevMailSummary {
  id: string;
  to: string;
  from: string;
  subject: string;
  createdAt: Date;
}

export async function storeInDevMailbox(mail: OutgoingMail): Promise<void> {
  await db.devMail.create({
    data: {
      to: mail.to,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      headers: mail.headers ?? {},
      attachments: (mail.attachments ?? []).map((a): StoredAttachment => ({
        filename: a.filename,
        contentType: a.contentType,
        ...(a.cid ? { cid: a.cid } : {}),
        base64: a.content.toString("base64"),
      })),
    },
  });
}

/** Newest first; optionally only the mail sent to one address. */
export async function listDevMail(options: { to?: string; take?: number } = {}): Promise<DevMailSummary[]> {
  return db.devMail.findMany({
    where: options.to ? { to: options.to } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
    select: { id: true, to: true, from: true, subject: true, createdAt: true },
  });
}

export async function getDevMail(id: string) {
  const mail = await db.devMail.findUnique({ where: { id } });
  if (!mail) return null;
  return {
    ...mail,
    headers: (mail.headers ?? {}) as Record<string, string>,
    attachments: (mail.attachments ?? []) as unknown as StoredAttachment[],
  };
}
