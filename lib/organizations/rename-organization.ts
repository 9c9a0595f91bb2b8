import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Owners only: the owner role is part of the update's where, so no one else can rename. */
export async function renameOrganization(params: { organizationId: string; userId: string; name: string }): Promise<void> {
  const { count } = await db.organization.updateMany({
    where: { id: params.organizationId, memberships: { some: { userId: params.userId, role: "OWNER" } } },
    data: { name: params.name },
  });
  if (count === 0) throw notFound("Organisation");
}
