import type { Tx } from "./transaction";

/** After a user leaves `organizationId`, point their active organisation at another one (or none). */
export async function reassignActiveOrganization(tx: Tx, userId: string, organizationId: string): Promise<void> {
  const next = await tx.membership.findFirst({
    where: { userId, organizationId: { not: organizationId } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  await tx.user.updateMany({
    where: { id: userId, activeOrganizationId: organizationId },
    data: { activeOrganizationId: next?.organizationId ?? null },
  });
}
