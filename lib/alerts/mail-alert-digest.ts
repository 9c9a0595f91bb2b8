import { db } from "@/lib/db/client";
import { deliverOnce } from "@/lib/mail/deliver-once";
import type { AlertData } from "./alert-data";
import { alertMail } from "./alert-mail";
import { alertRecipients } from "./alert-recipients";

/**
 * The daily digest of one organisation: for each member who chose it, one mail with the alerts of the
 * 24 hours before `until` at the severities they chose (nothing when there were none). Once per member
 * and day (MailDelivery); throws after trying everyone if a send failed.
 */
export async function mailAlertDigest(
  organizationId: string,
  input: { periodKey: string; until: Date },
): Promise<{ sent: number; failed: number }> {
  const since = new Date(input.until.getTime() - 24 * 3600 * 1000);
  const recipients = await alertRecipients(organizationId, "DIGEST");
  if (recipients.length === 0) return { sent: 0, failed: 0 };
  const [org, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    db.alert.findMany({
      where: { organizationId, createdAt: { gte: since, lt: input.until } },
      orderBy: [{ severity: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  let sent = 0;
  const failures: string[] = [];
  for (const recipient of recipients) {
    const mine = rows
      .filter((r) => recipient.severities.includes(r.severity))
      .map((r) => r.data as unknown as AlertData);
    if (mine.length === 0) continue;
    const assets = new Set(mine.map((a) => a.assetValue)).size;
    const summary = `${mine.length} ${mine.length === 1 ? "alert" : "alerts"} on ${assets} ${assets === 1 ? "asset" : "assets"}`;
    try {
      const result = await deliverOnce(
        { organizationId, kind: "DIGEST", periodKey: input.periodKey, recipient: recipient.email },
        () =>
          alertMail({
            organizationId,
            organizationName: org.name,
            to: recipient.email,
            subject: `Portwatch daily digest: ${summary}`,
            title: `Daily digest: ${summary}`,
            intro: `Everything the scans found in the 24 hours up to ${input.until.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
            alerts: mine,
          }),
      );
      if (result === "sent") sent += 1;
    } catch (error) {
      failures.push(`${recipient.email} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (failures.length > 0) throw new Error(`The digest could not be mailed to ${failures.join("; ")}`);
  return { sent, failed: 0 };
}
