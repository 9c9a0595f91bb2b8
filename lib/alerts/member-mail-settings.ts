import { db } from "@/lib/db/client";
import type { OrgContext } from "@/lib/authz/org-context";
import type { AlertDelivery, Severity } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import type { MemberMailSettingsInput } from "@/lib/validation/reports";

export interface MemberMailSettings {
  receivesReports: boolean;
  alertDelivery: AlertDelivery;
  alertSeverities: Severity[];
}

/** The signed-in member's own report and alert settings in this organisation. */
export async function getMemberMailSettings(ctx: OrgContext): Promise<MemberMailSettings> {
  const m = await db.membership.findFirst({
    where: { organizationId: ctx.organizationId, userId: ctx.userId },
    select: { receivesReports: true, alertDelivery: true, alertSeverities: true },
  });
  if (!m) throw notFound("Organisation");
  return m;
}

/** Each member decides for themselves; no one can change another member's mail. */
export async function updateMemberMailSettings(ctx: OrgContext, input: MemberMailSettingsInput): Promise<void> {
  const severities = (["critical", "high", "medium", "low"] as const).filter((s) => input[s]);
  const { count } = await db.membership.updateMany({
    where: { organizationId: ctx.organizationId, userId: ctx.userId },
    data: { receivesReports: input.receivesReports, alertDelivery: input.alertDelivery, alertSeverities: severities },
  });
  if (count === 0) throw notFound("Organisation");
}
