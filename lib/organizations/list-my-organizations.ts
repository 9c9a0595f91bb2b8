import { db } from "@/lib/db/client";
import type { Plan, Role } from "@/lib/generated/prisma/enums";

export interface MyOrganization {
  id: string;
  name: string;
  role: Role;
  plan: Plan;
  trialEndsAt: Date | null;
}

/** Every organisation the user belongs to, alphabetically. */
export async function listMyOrganizations(userId: string): Promise<MyOrganization[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, plan: true, trialEndsAt: true } } },
    orderBy: [{ organization: { name: "asc" } }, { createdAt: "asc" }],
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}
