import { db } from "@/lib/db/client";
import type { UnsubscribeSubject } from "./unsubscribe-token";

/**
 * Stops the mail a verified unsubscribe token names (readUnsubscribeToken): the token is the
 * authorization, so no sign-in is needed. Reports: the member stops receiving them, an extra address
 * is removed from the list. Alerts: the member's alert delivery is turned off. Repeating it is harmless.
 */
export async function unsubscribe(subject: UnsubscribeSubject): Promise<void> {
  const email = subject.email.toLowerCase();
  const member = { organizationId: subject.organizationId, user: { email } };
  if (subject.list === "alerts") {
    await db.membership.updateMany({ where: member, data: { alertDelivery: "OFF" } });
    return;
  }
  await db.$transaction(async (tx) => {
    await tx.membership.updateMany({ where: member, data: { receivesReports: false } });
    // Read and write under the row lock so a concurrent settings change is not overwritten.
    const [org] = await tx.$queryRaw<{ reportExtraRecipients: string[] }[]>`
      SELECT "reportExtraRecipients" FROM "Organization" WHERE "id" = ${subject.organizationId} FOR UPDATE`;
    if (org?.reportExtraRecipients.includes(email))
      await tx.organization.update({
        where: { id: subject.organizationId },
        data: { reportExtraRecipients: org.reportExtraRecipients.filter((r) => r !== email) },
      });
  });
}
