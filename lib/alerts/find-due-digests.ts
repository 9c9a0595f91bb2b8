import { db } from "@/lib/db/client";
import { latestScheduledSend } from "@/lib/reports/schedule";

export interface DueDigest {
  organizationId: string;
  periodKey: string;
  until: string;
}

/**
 * Organisations with a member on the daily digest whose 08:00 (in the organisation's time zone) has
 * passed; the digest's own MailDelivery rows make a repeat send nothing.
 */
export async function findDueDigests(now: Date): Promise<DueDigest[]> {
  const orgs = await db.organization.findMany({
    where: { memberships: { some: { alertDelivery: "DIGEST" } } },
    select: { id: true, timeZone: true },
  });
  const due: DueDigest[] = [];
  for (const org of orgs) {
    const at = latestScheduledSend("DAILY", org.timeZone, now);
    if (at) due.push({ organizationId: org.id, periodKey: `digest:${at.toISOString()}`, until: at.toISOString() });
  }
  return due;
}
