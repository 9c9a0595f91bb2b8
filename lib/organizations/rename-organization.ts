import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";

/** The capability is part of the update's where, so no one else can rename. */
export async function renameOrganization(ctx: OrgContext<"organization:manage">, name: string): Promise<void> {
  const { count } = await db.organization.updateMany({
    where: organizationWhere(ctx, "organization:manage"),
    data: { name },
  });
  if (count === 0) throw notFound("Organisation");
}
