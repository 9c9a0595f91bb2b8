import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password-hash";

export const GOOD_PASSWORD = "tangerine-ocelot-47-viaduct";

let goodHash: Promise<string> | undefined;

/** A user created directly (no sign-up mail), with GOOD_PASSWORD unless told otherwise. */
export async function createUser(email: string, options: { password?: string; verified?: boolean } = {}) {
  const passwordHash = options.password
    ? await hashPassword(options.password)
    : await (goodHash ??= hashPassword(GOOD_PASSWORD));
  return db.user.create({
    data: { email, name: email.split("@")[0]!, passwordHash, emailVerifiedAt: options.verified ? new Date() : null },
  });
}

export async function accountCounts() {
  const [users, organizations, memberships, tokens] = await Promise.all([
    db.user.count(),
    db.organization.count(),
    db.membership.count(),
    db.userToken.count(),
  ]);
  return { users, organizations, memberships, tokens };
}
