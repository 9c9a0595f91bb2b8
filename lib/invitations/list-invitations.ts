import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

/** Invitations not yet accepted, revoked or expired (the capability is in the where). */
export async function listPendingInvitations(
  ctx: OrgContext<"members:manage">,
  now = new Date(),
): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: {
      ...inOrganization(ctx, "members:manage"),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      invitedBy: { select: { email: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ invitedBy, ...r }) => ({ ...r, invitedBy: invitedBy?.email ?? null }));
}
