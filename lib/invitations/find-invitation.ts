import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/auth/tokens";
import { invitationState, type InvitationState } from "./invitation-state";

export interface InvitationPreview {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
  state: InvitationState;
}

/** What the accept page shows for a raw token from a link; null for a token that never existed. */
export async function findInvitationByToken(token: string, now = new Date()): Promise<InvitationPreview | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      organizationId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!inv) return null;
  return {
    id: inv.id,
    organizationId: inv.organizationId,
    organizationName: inv.organization.name,
    email: inv.email,
    role: inv.role,
    invitedBy: inv.invitedBy ? (inv.invitedBy.name ?? inv.invitedBy.email) : null,
    expiresAt: inv.expiresAt,
    state: invitationState(inv, now),
  };
}
