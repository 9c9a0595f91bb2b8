import { AppError, notFound } from "@/lib/errors";
import { actorMembership } from "@/lib/organizations/actor-membership";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import { assertMayGrantRole } from "./invitation-policy";

/** Owners and admins revoke pending invitations (admins not an owner's invitation). */
export async function revokeInvitation(params: { organizationId: string; userId: string; invitationId: string; now?: Date }): Promise<void> {
  const { organizationId, userId, invitationId } = params;
  await withOrganizationLock(organizationId, async (tx) => {
    const actor = await actorMembership(tx, organizationId, userId, "ADMIN");
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: { id: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    assertMayGrantRole(actor.role, invitation.role);
    if (invitation.acceptedAt) throw new AppError("conflict", "This invitation was already accepted; remove the member instead.");
    if (invitation.revokedAt) return;
    await tx.invitation.updateMany({ where: { id: invitation.id, organizationId, acceptedAt: null }, data: { revokedAt: params.now ?? new Date() } });
  });
}
