import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { recheckMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { assertNotLastOwner } from "./last-owner";
import { reassignActiveOrganization } from "./reassign-active-organization";
import { withOrganizationLock } from "./transaction";

/** Owners remove other members; the last owner cannot be removed. Removing yourself is "leave". */
export async function removeMember(ctx: OrgContext<"members:remove">, membershipId: string): Promise<void> {
  const { organizationId } = ctx;
  await withOrganizationLock(organizationId, async (tx) => {
    const actor = await recheckMembership(tx, ctx, "members:remove", { verifiedEmail: true });
    const target = await tx.membership.findFirst({
      where: { id: membershipId, organizationId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!target) throw notFound("Member");
    if (target.id === actor.membershipId)
      throw new AppError("invalid_input", "To remove yourself, use “Leave organisation”.");
    if (target.role === "OWNER") await assertNotLastOwner(tx, organizationId, target.id, "remove");
    await tx.membership.deleteMany({ where: { id: target.id, organizationId } });
    await reassignActiveOrganization(tx, target.userId, organizationId);
    await recordAuditEvent(
      {
        action: "member.removed",
        organizationId,
        actorUserId: ctx.userId,
        target: `membership:${target.id}`,
        details: { member: target.user.email, role: target.role },
      },
      tx,
    );
  });
}
