import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mail";
import { rolesWith } from "@/lib/authz/capabilities";
import { trialReminderMail } from "./trial-reminder-mail";
import type { TrialReminderKind } from "./trial-reminders";

export type TrialReminderOutcome = "sent" | "already-sent" | "not-on-trial";

/**
 * Sends one trial reminder to the organisation's owners (those who manage billing) with a confirmed
 * address. Once per organisation and kind: the TrialReminder row is claimed first (its primary key
 * decides between two runs); if the mail cannot be sent the claim is released and the error thrown, so
 * the step's retry sends it. An organisation that has upgraded meanwhile gets nothing.
 */
export async function sendTrialReminder(
  organizationId: string,
  kind: TrialReminderKind,
  now: Date,
): Promise<TrialReminderOutcome> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      name: true,
      plan: true,
      trialEndsAt: true,
      memberships: {
        where: { role: { in: rolesWith("billing:manage") }, user: { emailVerifiedAt: { not: null } } },
        select: { user: { select: { email: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!org || org.plan !== "TRIAL" || !org.trialEndsAt) return "not-on-trial";
  try {
    await db.trialReminder.create({ data: { organizationId, kind, sentAt: now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "already-sent";
    throw error;
  }
  try {
    for (const { user } of org.memberships) {
      await sendMail(
        trialReminderMail({
          to: user.email,
          name: user.name,
          organizationName: org.name,
          kind,
          trialEndsAt: org.trialEndsAt,
        }),
      );
    }
  } catch (error) {
    await db.trialReminder.deleteMany({ where: { organizationId, kind } });
    throw error;
  }
  return "sent";
}
