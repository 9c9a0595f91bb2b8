import { db } from "@/lib/db/client";
import type { SessionClaims } from "./session-claims";
import type { SessionUser } from "./types";

/**
 * The user behind a session, fresh from the database. A session whose sessionVersion is older than
 * the user's (password reset, "sign out everywhere") or whose user is gone is no session at all.
 */
export async function loadSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, emailVerifiedAt: true, activeOrganizationId: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    activeOrganizationId: user.activeOrganizationId,
  };
}
