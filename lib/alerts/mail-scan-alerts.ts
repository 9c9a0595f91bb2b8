import { db } from "@/lib/db/client";
import { deliverOnce } from "@/lib/mail/deliver-once";
import { alertMail } from "./alert-mail";
import { alertRecipients } from "./alert-recipients";
import { scanAlertSubject } from "./alert-text";
import { listScanAlerts } from "./record-scan-alerts";

export interface AlertMailOutcome {
  sent: number;
  alreadySent: number;
  failed: { recipient: string; reason: string }[];
}

/**
 * Mails a scan's alerts to the members who want them at once: one mail per member holding every
 * alert of the scan at a severity they chose. Once per member and scan (MailDelivery); throws after
 * trying everyone if a send failed, so the step is retried for those only.
 */
export async function mailScanAlerts(organizationId: string, scanRunId: string): Promise<AlertMailOutcome> {
  const outcome: AlertMailOutcome = { sent: 0, alreadySent: 0, failed: [] };
  const alerts = await listScanAlerts(organizationId, scanRunId);
  if (alerts.length === 0) return outcome;
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  for (const recipient of await alertRecipients(organizationId, "IMMEDIATE")) {
    const mine = alerts.filter((a) => recipient.severities.includes(a.severity)).map((a) => a.data);
    if (mine.length === 0) continue;
    try {
      const result = await deliverOnce(
        { organizationId, kind: "ALERT", periodKey: `scan:${scanRunId}`, recipient: recipient.email },
        () => {
          const subject = scanAlertSubject(mine);
          return alertMail({
            organizationId,
            organizationName: org.name,
            to: recipient.email,
            subject,
            title: subject,
            intro: `${mine.length} ${mine.length === 1 ? "change" : "changes"} found by the latest scan of ${mine[0]!.assetValue}.`,
            alerts: mine,
          });
        },
      );
      if (result === "sent") outcome.sent += 1;
      else outcome.alreadySent += 1;
    } catch (error) {
      outcome.failed.push({
        recipient: recipient.email,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (outcome.failed.length > 0)
    throw new Error(
      `Alerts could not be mailed to ${outcome.failed.map((f) => `${f.recipient} (${f.reason})`).join("; ")}`,
    );
  return outcome;
}
