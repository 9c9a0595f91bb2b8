import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/errors";
import { rolesAtLeast } from "./roles";

export interface OrgContext {
  organizationId: string;
  userId: string;
  role: Role;
  plan: string;
  trialEndsAt: Date | null;
}

/**
 * The caller's membership of `organizationId` with at least `minimum` role. The role is checked inside
 * the query. Not a member at all → "not found" (an organisation id of someone else reveals nothing);
 * a member with too small a role → "forbidden".
 */
export async function requireMembership(userId: string, organizationId: string, minimum: Role): Promise<OrgContext> {
  const membership = await db.membership.findFirst({
    where: { userId, organizationId, role: { in: rolesAtLeast(minimum) } },
    select: { role: true, organization: { select: { id: true, plan: true, trialEndsAt: true } } },
  });
  if (membership) {
    return {
      organizationId: membership.organization.id,
      userId,
      role: membership.role,
      plan: membership.organization.plan,
      trialEndsAt: membership.organization.trialEndsAt,
    };
  }
  const anyRole = await db.membership.findFirst({ where: { userId, organizationId }, select: { role: true } });
  if (anyRole) throw new AppError("forbidden", `This needs the ${minimum.toLowerCase()} role; you are ${anyRole.role.toLowerCase()}.`);
  throw notFound("Organisation");
}
