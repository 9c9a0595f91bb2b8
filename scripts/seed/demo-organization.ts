import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password-hash";

export const DEMO_ORGANIZATION_NAME = "Demo organization (sample data)";

/**
 * The user who owns a generated organisation, created (or reset) with a verified address and the
 * organisation as their active one. Any previous organisation of that name owned by them is removed
 * first, so running the seed twice gives the same result.
 */
export async function createSeedOrganization(
  db: PrismaClient,
  input: { email: string; password: string; organizationName: string; now: Date },
) {
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: "Demo user", passwordHash, emailVerifiedAt: input.now },
    update: { passwordHash, emailVerifiedAt: input.now },
  });
  await db.organization.deleteMany({
    where: { name: input.organizationName, memberships: { some: { userId: user.id, role: "OWNER" } } },
  });
  const organization = await db.organization.create({
    data: {
      name: input.organizationName,
      plan: "PRO",
      trialEndsAt: null,
      // Its .test names must never reach a resolver or a scanner: scans of it are refused.
      sampleData: true,
      memberships: { create: { userId: user.id, role: "OWNER" } },
    },
  });
  await db.user.update({ where: { id: user.id }, data: { activeOrganizationId: organization.id } });
  return { user, organization };
}
