import type { Role } from "@/lib/generated/prisma/enums";
import { rolesAtLeast } from "@/lib/authz/roles";
import { EMAIL_NOT_VERIFIED_MESSAGE } from "@/lib/auth/assert-email-verified";
import { AppError, notFound } from "@/lib/errors";
import type { Tx } from "./transaction";

/**
 * The acting user's membership, with the role checked in the query. Same answers as requireMembership
 * (not a member → "not found", too small a role → "forbidden") but inside the caller's transaction.
 * `verifiedEmail`: the actor's address must be confirmed too (inviting, changing or removing members),
 * so whoever signs up with someone else's address cannot hand out access before the owner of the inbox
 * takes the account back.
 */
export async function actorMembership(tx: Tx, organizationId: string, userId: string, minimum: Role, options: { verifiedEmail?: boolean } = {}) {
  const membership = await tx.membership.findFirst({
    where: { organizationId, userId, role: { in: rolesAtLeast(minimum) } },
    select: { id: true, role: true, user: { select: { emailVerifiedAt: true } } },
  });
  if (membership) {
    if (options.verifiedEmail && membership.user.emailVerifiedAt === null) throw new AppError("forbidden", EMAIL_NOT_VERIFIED_MESSAGE);
    return { id: membership.id, role: membership.role };
  }
  const any = await tx.membership.findFirst({ where: { organizationId, userId }, select: { role: true } });
  if (any) throw new AppError("forbidden", `This needs the ${minimum.toLowerCase()} role; you are ${any.role.toLowerCase()}.`);
  throw notFound("Organisation");
}
