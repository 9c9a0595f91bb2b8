import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recheckMembership } from "@/lib/authz/membership";
import { can, type OrgContext } from "@/lib/authz/org-context";
import { assertNotLastOwner } from "./last-owner";
import { withOrganizationLock } from "./transaction";

/**
 * Owners may set any role. Admins may switch members between admin and viewer, but can neither make
 * an owner nor change an owner. The last owner cannot be demoted.
 */
export async function changeMemberRole(
  ctx: OrgContext<"members:manage">,
  params: { membershipId: string; role: Role },
): Promise<void> {
  const { organizationId } = ctx;
  const { membershipId, role } = params;
  await withOrganizationLock(organizationId, async (tx) => {
    const actor = await recheckMembership(tx, ctx, "members:manage", { verifiedEmail: true });
    const target = await tx.membership.findFirst({
      where: { id: membershipId, organizationId },
      select: { id: true, role: true, user: { select: { email: true } } },
    });
    if (!target) throw notFound("Member");
    if (!can(actor, "owners:manage")) {
      if (role === "OWNER") throw forbidden("Only an owner can make someone an owner.");
      if (target.role === "OWNER") throw forbidden("Only an owner can change an owner's role.");
    }
    if (target.role === role) return;
    if (target.role === "OWNER") await assertNotLastOwner(tx, organizationId, target.id, "demote");
    const { count } = await tx.membership.updateMany({ where: { id: target.id, organizationId }, data: { role } });
    if (count !== 1) throw new AppError("conflict", "That member changed meanwhile; reload and try again.");
    await recordAuditEvent(
      {
        action: "member.role_changed",
        organizationId,
        actorUserId: ctx.userId,
        target: `membership:${target.id}`,
        details: { member: target.user.email, from: target.role, to: role },
      },
      tx,
    );
  });
}
