import { db } from "@/lib/db/client";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { notFound } from "@/lib/errors";
import type { ReportSettingsInput } from "@/lib/validation/reports";
import { nextScheduledSend } from "./schedule";

export interface ReportSettings {
  schedule: "OFF" | "DAILY" | "WEEKLY" | "MONTHLY";
  timeZone: string;
  extraRecipients: string[];
  confirmOpenedPorts: boolean;
  nextSendAt: Date | null;
  /** Members who receive the report (their own setting). */
  memberRecipients: string[];
}

export async function getReportSettings(ctx: OrgContext<"reports:manage">, now = new Date()): Promise<ReportSettings> {
  const org = await db.organization.findFirst({
    where: organizationWhere(ctx, "reports:manage"),
    select: {
      reportSchedule: true,
      timeZone: true,
      reportExtraRecipients: true,
      confirmOpenedPorts: true,
      memberships: {
        where: { receivesReports: true },
        select: { user: { select: { email: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!org) throw notFound("Organisation");
  return {
    schedule: org.reportSchedule,
    timeZone: org.timeZone,
    extraRecipients: org.reportExtraRecipients,
    confirmOpenedPorts: org.confirmOpenedPorts,
    nextSendAt: nextScheduledSend(org.reportSchedule, org.timeZone, now),
    memberRecipients: org.memberships.map((m) => m.user.email),
  };
}

/** Owners and admins change when reports go out, to whom besides the members, and the alert confirmation. */
export async function updateReportSettings(ctx: OrgContext<"reports:manage">, input: ReportSettingsInput) {
  const { count } = await db.organization.updateMany({
    where: organizationWhere(ctx, "reports:manage"),
    data: {
      reportSchedule: input.schedule,
      timeZone: input.timeZone,
      reportExtraRecipients: input.extraRecipients,
      confirmOpenedPorts: input.confirmOpenedPorts,
    },
  });
  if (count === 0) throw notFound("Organisation");
}
