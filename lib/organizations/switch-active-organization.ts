import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Only to an organisation the user is a member of; anything else is "not found". */
export async function switchActiveOrganization(params: { userId: string; organizationId: string }): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: params.userId, memberships: { some: { organizationId: params.organizationId } } },
    data: { activeOrganizationId: params.organizationId },
  });
  if (count === 0) throw notFound("Organisation");
}
