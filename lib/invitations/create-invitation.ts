import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { recheckMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import { invitationMail } from "./invitation-mail";
import { INVITATION_TTL_MS, assertMayGrantRole, assertWithinInvitationQuota } from "./invitation-policy";

/**
 * Invites `email` with `role` and mails the single-use link. A still-pending invitation for the same
 * address is replaced (its link stops working) once the new mail has gone out. If the mail cannot be
 * sent, the new invitation is removed again and the earlier one keeps working.
 */
export async function createInvitation(
  ctx: OrgContext<"members:manage">,
  params: { email: string; role: Role; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const { organizationId, userId } = ctx;
  const { role } = params;
  const email = params.email.trim().toLowerCase();
  const now = params.now ?? new Date();
  const token = generateToken();

  const created = await withOrganizationLock(organizationId, async (tx) => {
    const actor = await recheckMembership(tx, ctx, "members:manage", { verifiedEmail: true });
    assertMayGrantRole(actor, role);
    const existing = await tx.membership.findFirst({
      where: { organizationId, user: { email } },
      select: { id: true },
    });
    if (existing) throw new AppError("conflict", `${email} is already a member of this organisation.`);
    await assertWithinInvitationQuota(tx, { organizationId, userId, now });
    const invitation = await tx.invitation.create({
      data: {
        organizationId,
        email,
        role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        invitedById: userId,
        createdAt: now,
      },
      select: {
        id: true,
        expiresAt: true,
        organization: { select: { name: true } },
        invitedBy: { select: { name: true, email: true } },
      },
    });
    return invitation;
  });

  try {
    await sendMail(
      invitationMail({
        to: email,
        organizationName: created.organization.name,
        inviterName: created.invitedBy?.name ?? null,
        inviterEmail: created.invitedBy?.email ?? "a member",
        role,
        token,
        expiresAt: created.expiresAt,
      }),
    );
  } catch (error) {
    await db.invitation.deleteMany({ where: { id: created.id, organizationId } });
    console.error("[portwatch] invitation mail failed", error);
    throw new AppError(
      "internal",
      `The invitation mail to ${email} could not be sent, so no invitation was created. Please try again later.`,
    );
  }
  // Only once the new link is on its way do earlier links to the same address stop working.
  await db.invitation.updateMany({
    where: { organizationId, email, acceptedAt: null, revokedAt: null, id: { not: created.id } },
    data: { revokedAt: now },
  });
  await recordAuditEvent({
    action: "invitation.sent",
    organizationId,
    actorUserId: userId,
    target: `invitation:${created.id}`,
    details: { email, role },
    now,
  });
  return { id: created.id, expiresAt: created.expiresAt };
}
