import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Member {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

/** Members of an organisation, visible to any of its members (the caller's membership is in the where). */
export async function listMembers(params: { organizationId: string; userId: string }): Promise<Member[]> {
  const rows = await db.membership.findMany({
    where: { organizationId: params.organizationId, organization: { memberships: { some: { userId: params.userId } } } },
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
