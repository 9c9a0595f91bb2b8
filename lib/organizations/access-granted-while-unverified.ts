import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/authz/capabilities";

/** The page that lists them (app/(app)/settings/access-review). */
export const ACCESS_REVIEW_PATH = "/settings/access-review";

export interface AccessGrantedWhileUnverified {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: Role;
  joinedAt: Date;
  /** Whether the user may remove it (their role holds `members:remove`). */
  removable: boolean;
}

/**
 * Memberships that exist because this account invited someone before its address was confirmed.
 * Someone who signed up with another person's address could have invited an accomplice as owner;
 * when the real person takes the account back (a reset proves the inbox) they see these and may remove
 * them. Only organisations the user still belongs to are listed, and the invitee's membership itself.
 */
export async function listAccessGrantedWhileUnverified(userId: string): Promise<AccessGrantedWhileUnverified[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user) return [];
  const invitations = await db.invitation.findMany({
    where: {
      invitedById: userId,
      acceptedAt: { not: null },
      ...(user.emailVerifiedAt ? { createdAt: { lt: user.emailVerifiedAt } } : {}),
      organization: { memberships: { some: { userId } } },
    },
    select: { organizationId: true, email: true },
  });
  if (invitations.length === 0) return [];
  const rows = await db.membership.findMany({
    where: {
      userId: { not: userId },
      OR: invitations.map((i) => ({ organizationId: i.organizationId, user: { email: i.email } })),
      organization: { memberships: { some: { userId } } },
    },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { email: true } },
      organization: { select: { id: true, name: true, memberships: { where: { userId }, select: { role: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    membershipId: r.id,
    organizationId: r.organization.id,
    organizationName: r.organization.name,
    email: r.user.email,
    role: r.role,
    joinedAt: r.createdAt,
    removable: r.organization.memberships.some((m) => roleCan(m.role, "members:remove")),
  }));
}
