import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

/** Invitations not yet accepted, revoked or expired; for owners and admins (role in the where). */
export async function listPendingInvitations(params: { organizationId: string; userId: string; now?: Date }): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: {
      organizationId: params.organizationId,
      organization: { memberships: { some: { userId: params.userId, role: { in: ["OWNER", "ADMIN"] } } } },
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: params.now ?? new Date() },
    },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ invitedBy, ...r }) => ({ ...r, invitedBy: invitedBy?.email ?? null }));
}
