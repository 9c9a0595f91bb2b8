import { notFound } from "@/lib/errors";
import type { OrgContext } from "@/lib/authz/org-context";
import { assertNotLastOwner } from "./last-owner";
import { reassignActiveOrganization } from "./reassign-active-organization";
import { withOrganizationLock } from "./transaction";

/** Any member may leave, except the last owner. */
export async function leaveOrganization(ctx: OrgContext<"organization:leave">): Promise<void> {
  const { organizationId, userId } = ctx;
  await withOrganizationLock(organizationId, async (tx) => {
    const own = await tx.membership.findFirst({ where: { organizationId, userId }, select: { id: true, role: true } });
    if (!own) throw notFound("Organisation");
    if (own.role === "OWNER") await assertNotLastOwner(tx, organizationId, own.id, "leave");
    await tx.membership.deleteMany({ where: { id: own.id, organizationId, userId } });
    await reassignActiveOrganization(tx, userId, organizationId);
  });
}
