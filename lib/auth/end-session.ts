import { db } from "@/lib/db/client";
import type { SessionClaims } from "./session-claims";
import { sessionHardExpiry } from "./session-lifetime";

/**
 * Ends one session on the server: its id is kept until the JWT could not be renewed anyway, so a
 * copy of the cookie (another device, a thief) stops working with the browser's own. Rows past
 * their expiry are pruned on the way.
 */
export async function revokeSession(claims: SessionClaims, now = new Date()): Promise<void> {
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.revokedSession.upsert({
    where: { id: claims.sessionId },
    create: { id: claims.sessionId, userId: claims.userId, expiresAt: sessionHardExpiry(claims.authTime) },
    update: {},
  });
}

/** Ends every session of the user at once: tokens carry the old sessionVersion and are refused. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
