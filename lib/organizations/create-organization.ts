import { db } from "@/lib/db/client";
import { trialEndsAt } from "./trial";

/**
 * A new organisation, the creator its owner and now their active organisation. Each person gets one
 * free trial: the first organisation they create starts a 14-day trial; later ones start with the trial
 * already over (a plan is needed to scan), so new organisations cannot be a way to trial forever.
 */
export async function createOrganization(params: {
  userId: string;
  name: string;
  now?: Date;
}): Promise<{ id: string; trial: boolean }> {
  const now = params.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Claims the user's trial (a conditional update, so two creations at once cannot both get one).
    const { count } = await tx.user.updateMany({
      where: { id: params.userId, trialStartedAt: null },
      data: { trialStartedAt: now },
    });
    const trial = count === 1;
    const org = await tx.organization.create({
      data: {
        name: params.name,
        plan: "TRIAL",
        trialEndsAt: trial ? trialEndsAt(now) : now,
        memberships: { create: { userId: params.userId, role: "OWNER" } },
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: params.userId }, data: { activeOrganizationId: org.id } });
    return { id: org.id, trial };
  });
}
