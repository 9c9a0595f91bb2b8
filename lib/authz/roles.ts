import type { Role } from "@/lib/generated/prisma/enums";

/** Higher rank includes every permission of the lower ones. */
const RANK: Record<Role, number> = { VIEWER: 1, ADMIN: 2, OWNER: 3 };

export const ROLES = ["OWNER", "ADMIN", "VIEWER"] as const satisfies readonly Role[];

/** The roles that satisfy `minimum`, for use inside a Prisma `where` (`role: { in: … }`). */
export function rolesAtLeast(minimum: Role): Role[] {
  return ROLES.filter((r) => RANK[r] >= RANK[minimum]);
}

export function hasRole(actual: Role, minimum: Role): boolean {
  return RANK[actual] >= RANK[minimum];
}
