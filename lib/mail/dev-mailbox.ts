import { db } from "@/lib/db/client";
import type { OutgoingMail } from "./types";

export interface DevMailSummary {
  id: string;
  to: string;
  from: string;
  subject: string;
  createdAt: Date;
}

export async function storeInDevMailbox(mail: OutgoingMail): Promise<void> {
  await db.devMail.create({
    data: { to: mail.to, from: mail.from, subject: mail.subject, text: mail.text, html: mail.html ?? null },
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
  return db.devMail.findUnique({ where: { id } });
}
