import { db } from "@/lib/db/client";
import type { AlertDelivery, Severity } from "@/lib/generated/prisma/enums";

export interface AlertRecipient {
  email: string;
  severities: Severity[];
}

/** Members who take alerts the given way, with the severities they chose; confirmed addresses only. */
export async function alertRecipients(organizationId: string, delivery: AlertDelivery): Promise<AlertRecipient[]> {
  const members = await db.membership.findMany({
    where: { organizationId, alertDelivery: delivery, user: { emailVerifiedAt: { not: null } } },
    select: { alertSeverities: true, user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members
    .filter((m) => m.alertSeverities.length > 0)
    .map((m) => ({ email: m.user.email.toLowerCase(), severities: m.alertSeverities }));
}
