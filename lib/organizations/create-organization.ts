import { db } from "@/lib/db/client";
import { trialEndsAt } from "./trial";

/** A new organisation on a fresh 14-day trial, the creator its owner and now their active organisation. */
export async function createOrganization(params: { userId: string; name: string; now?: Date }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        name: params.name,
        plan: "TRIAL",
        trialEndsAt: trialEndsAt(params.now),
        memberships: { create: { userId: params.userId, role: "OWNER" } },
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: params.userId }, data: { activeOrganizationId: org.id } });
    return org;
  });
}
