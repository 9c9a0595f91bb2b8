import type { Role } from "@/lib/generated/prisma/enums";
import { rolesAtLeast } from "@/lib/authz/roles";

/** Prisma `where` fragment: the asset's organisation has `userId` as a member with at least `minimum`. */
export function memberOfAssetOrganization(userId: string, minimum: Role) {
  return { organization: { memberships: { some: { userId, role: { in: rolesAtLeast(minimum) } } } } };
}
