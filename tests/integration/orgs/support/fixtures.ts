import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { Plan, Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/** Rows created straight in the database: these tests are about organisations, not sign-up. */
export async function createUser(options: { email?: string; verified?: boolean; name?: string } = {}) {
  const email = options.email ?? `user-${crypto.randomBytes(4).toString("hex")}@example.test`;
  return db.user.create({
    data: {
      email,
      name: options.name ?? email.split("@")[0]!,
      // Never used to sign in here; a real argon2 hash is not needed.
      passwordHash: "test-only-not-a-hash",
      emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
}

export async function createOrg(
  owner: { id: string },
  options: { name?: string; plan?: Plan; trialEndsAt?: Date | null } = {},
) {
  const org = await db.organization.create({
    data: {
      name: options.name ?? `Org ${crypto.randomBytes(3).toString("hex")}`,
      plan: options.plan ?? "TRIAL",
      trialEndsAt: options.trialEndsAt === undefined ? new Date(Date.now() + 14 * 86_400_000) : options.trialEndsAt,
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
  await db.user.update({ where: { id: owner.id }, data: { activeOrganizationId: org.id } });
  return org;
}

export async function addMember(org: { id: string }, user: { id: string }, role: Role) {
  const m = await db.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
  await db.user.updateMany({
    where: { id: user.id, activeOrganizationId: null },
    data: { activeOrganizationId: org.id },
  });
  return m;
}

/** The session user exactly as getSessionUser builds it: fresh from the database. */
export async function sessionUserOf(userId: string): Promise<SessionUser | null> {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerifiedAt !== null,
    activeOrganizationId: u.activeOrganizationId,
  };
}

export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
