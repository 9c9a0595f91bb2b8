import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { hashToken } from "@/lib/auth/tokens";
import { INVALID_INVITATION_MESSAGE, invitationState, unusableInvitationError } from "./invitation-state";

/**
 * Joins the signed-in user to the inviting organisation. The link works once: the acceptedAt update
 * is conditional, so two clicks at the same moment cannot both succeed. The user's address must be
 * the invited one. Someone already a member keeps their role.
 */
export async function acceptInvitation(params: {
  token: string;
  userId: string;
  userEmail: string;
  now?: Date;
}): Promise<{ organizationId: string }> {
  const now = params.now ?? new Date();
  const tokenHash = hashToken(params.token);
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        organizationId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
      },
    });
    if (!inv) throw new AppError("not_found", INVALID_INVITATION_MESSAGE);
    const state = invitationState(inv, now);
    if (state !== "pending") throw unusableInvitationError(state, inv.expiresAt);
    if (inv.email !== params.userEmail.trim().toLowerCase()) {
      throw new AppError(
        "forbidden",
        `This invitation was sent to ${inv.email}, but you are signed in as ${params.userEmail}. Sign in with the invited address to accept it.`,
      );
    }
    const { count } = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count !== 1) throw unusableInvitationError("accepted", inv.expiresAt);
    const member = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: inv.organizationId, userId: params.userId } },
    });
    if (!member)
      await tx.membership.create({
        data: { organizationId: inv.organizationId, userId: params.userId, role: inv.role },
      });
    await recordAuditEvent(
      {
        action: "invitation.accepted",
        organizationId: inv.organizationId,
        actorUserId: params.userId,
        actorEmail: inv.email,
        target: `invitation:${inv.id}`,
        details: { role: inv.role },
        now,
      },
      tx,
    );
    const { count: users } = await tx.user.updateMany({
      where: { id: params.userId },
      data: { activeOrganizationId: inv.organizationId },
    });
    if (users !== 1) throw notFound("Account");
    return { organizationId: inv.organizationId };
  });
}
