import { db } from "@/lib/db/client";
import type { SessionClaims } from "./session-claims";
import { sessionPastAbsoluteLifetime } from "./session-lifetime";
import type { SessionUser } from "./types";

/**
 * The user behind a session, fresh from the database. A session that was signed out (revoked), is
 * older than its absolute lifetime, carries an older sessionVersion than the user's (password reset,
 * "sign out everywhere"), or whose user is gone is no session at all.
 */
export async function loadSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  if (sessionPastAbsoluteLifetime(claims.authTime)) return null;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.userId },
      select: {
        id: true,
        email: true,
        name: true,
        emailVerifiedAt: true,
        activeOrganizationId: true,
        sessionVersion: true,
      },
    }),
    db.revokedSession.findUnique({ where: { id: claims.sessionId }, select: { id: true } }),
  ]);
  if (!user || revoked || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    activeOrganizationId: user.activeOrganizationId,
  };
}
