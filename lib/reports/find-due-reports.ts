import { db } from "@/lib/db/client";
import { isPlanActive } from "@/lib/authz/plan";
import { latestScheduledSend } from "./schedule";

export interface DueReport {
  organizationId: string;
  periodKey: string;
  periodEnd: string;
}

/**
 * Organisations whose latest scheduled send time (Monday 08:00 in their time zone, by default) has
 * passed without a report for it. Organisations created after that time, and those whose trial ended,
 * wait for the next one.
 */
export async function findDueReports(now: Date): Promise<DueReport[]> {
  const orgs = await db.organization.findMany({
    // Sample data (the demo organisation) is never scanned, so it gets no report either.
    where: { reportSchedule: { not: "OFF" }, sampleData: false },
    select: { id: true, reportSchedule: true, timeZone: true, createdAt: true, plan: true, trialEndsAt: true },
  });
  const candidates: DueReport[] = [];
  for (const org of orgs) {
    if (!isPlanActive(org, now)) continue;
    const at = latestScheduledSend(org.reportSchedule, org.timeZone, now);
    if (!at || at < org.createdAt) continue;
    candidates.push({
      organizationId: org.id,
      periodKey: `scheduled:${at.toISOString()}`,
      periodEnd: at.toISOString(),
    });
  }
  if (candidates.length === 0) return [];
  const done = await db.report.findMany({
    where: { OR: candidates.map((c) => ({ organizationId: c.organizationId, periodKey: c.periodKey })) },
    select: { organizationId: true, periodKey: true },
  });
  const sent = new Set(done.map((r) => `${r.organizationId} ${r.periodKey}`));
  return candidates.filter((c) => !sent.has(`${c.organizationId} ${c.periodKey}`));
}
