import { AppError, notFound } from "@/lib/errors";
import { actorMembership } from "./actor-membership";
import { assertNotLastOwner } from "./last-owner";
import { reassignActiveOrganization } from "./reassign-active-organization";
import { withOrganizationLock } from "./transaction";

/** Owners remove other members; the last owner cannot be removed. Removing yourself is "leave". */
export async function removeMember(params: { organizationId: string; userId: string; membershipId: string }): Promise<void> {
  const { organizationId, userId, membershipId } = params;
  await withOrganizationLock(organizationId, async (tx) => {
    const actor = await actorMembership(tx, organizationId, userId, "OWNER", { verifiedEmail: true });
    const target = await tx.membership.findFirst({ where: { id: membershipId, organizationId }, select: { id: true, role: true, userId: true } });
    if (!target) throw notFound("Member");
    if (target.id === actor.id) throw new AppError("invalid_input", "To remove yourself, use “Leave organisation”.");
    if (target.role === "OWNER") await assertNotLastOwner(tx, organizationId, target.id, "remove");
    await tx.membership.deleteMany({ where: { id: target.id, organizationId } });
    await reassignActiveOrganization(tx, target.userId, organizationId);
  });
}
