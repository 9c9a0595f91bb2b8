import { db } from "@/lib/db/client";
import type { MailDeliveryKind } from "@/lib/generated/prisma/enums";
import { sendMail, type MailMessage } from "./index";

export interface DeliveryKey {
  organizationId: string;
  kind: MailDeliveryKind;
  /** The report period, the scan run of the alerts or the digest day. */
  periodKey: string;
  recipient: string;
}

/** The SMTP server's answer is shown to the organisation's admins: keep it short and one line. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 500) || "Unknown error";
}

/**
 * Sends one mail at most once per key: the MailDelivery row is the idempotency record, so a retried
 * step skips recipients already served. A failed send is recorded with the server's reason (shown in
 * /settings/reports) and rethrown, so the caller's step is retried with backoff.
 */
export async function deliverOnce(
  key: DeliveryKey,
  compose: () => MailMessage | Promise<MailMessage>,
): Promise<"sent" | "already-sent"> {
  const recipient = key.recipient.toLowerCase();
  const where = {
    organizationId_kind_periodKey_recipient: {
      organizationId: key.organizationId,
      kind: key.kind,
      periodKey: key.periodKey,
      recipient,
    },
  };
  const record = await db.mailDelivery.upsert({
    where,
    create: { organizationId: key.organizationId, kind: key.kind, periodKey: key.periodKey, recipient },
    update: {},
  });
  if (record.status === "SENT") return "already-sent";
  let subject = record.subject;
  try {
    const message = await compose();
    subject = message.subject;
    await sendMail({ ...message, to: recipient });
  } catch (error) {
    await db.mailDelivery.update({
      where,
      data: { status: "FAILED", attempts: { increment: 1 }, error: reasonOf(error), subject },
    });
    throw error;
  }
  await db.mailDelivery.update({
    where,
    data: { status: "SENT", attempts: { increment: 1 }, error: null, subject, sentAt: new Date() },
  });
  return "sent";
}
