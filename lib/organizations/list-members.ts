import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";

export interface Member {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

/** Members of an organisation (the caller's membership is in the where). */
export async function listMembers(ctx: OrgContext<"members:read">): Promise<Member[]> {
  const rows = await db.membership.findMany({
    where: inOrganization(ctx, "members:read"),
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    membershipId: r.id,
    userId: r.user.id,
    email: r.user.email,
    name: r.user.name,
    role: r.role,
    joinedAt: r.createdAt,
  }));
}
