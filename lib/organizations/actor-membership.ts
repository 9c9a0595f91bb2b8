import type { Role } from "@/lib/generated/prisma/enums";
import { rolesAtLeast } from "@/lib/authz/roles";
import { AppError, notFound } from "@/lib/errors";
import type { Tx } from "./transaction";

/**
 * The acting user's membership, with the role checked in the query. Same answers as requireMembership
 * (not a member → "not found", too small a role → "forbidden") but inside the caller's transaction.
 */
export async function actorMembership(tx: Tx, organizationId: string, userId: string, minimum: Role) {
  const membership = await tx.membership.findFirst({
    where: { organizationId, userId, role: { in: rolesAtLeast(minimum) } },
    select: { id: true, role: true },
  });
  if (membership) return membership;
  const any = await tx.membership.findFirst({ where: { organizationId, userId }, select: { role: true } });
  if (any) throw new AppError("forbidden", `This needs the ${minimum.toLowerCase()} role; you are ${any.role.toLowerCase()}.`);
  throw notFound("Organisation");
}
