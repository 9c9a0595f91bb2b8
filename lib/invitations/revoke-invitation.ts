import { AppError, notFound } from "@/lib/errors";
import { recheckMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import { assertMayGrantRole } from "./invitation-policy";

/** Owners and admins revoke pending invitations (admins not an owner's invitation). */
export async function revokeInvitation(
  ctx: OrgContext<"members:manage">,
  invitationId: string,
  now = new Date(),
): Promise<void> {
  const { organizationId } = ctx;
  await withOrganizationLock(organizationId, async (tx) => {
    const actor = await recheckMembership(tx, ctx, "members:manage");
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    assertMayGrantRole(actor, invitation.role);
    if (invitation.acceptedAt)
      throw new AppError("conflict", "This invitation was already accepted; remove the member instead.");
    if (invitation.revokedAt) return;
    await tx.invitation.updateMany({
      where: { id: invitation.id, organizationId, acceptedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(
      {
        action: "invitation.revoked",
        organizationId,
        actorUserId: ctx.userId,
        target: `invitation:${invitation.id}`,
        details: { email: invitation.email, role: invitation.role },
        now,
      },
      tx,
    );
  });
}
