import crypto from "node:crypto";

/**
 * How long a session lives. It ends after SESSION_IDLE_SECONDS without a request (the cookie and its
 * JWT expire; each page visit renews them, see proxy.ts), and in any case SESSION_ABSOLUTE_SECONDS
 * after the sign-in, however active. Signing out ends it at once, on the server too.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 14 * 24 * 60 * 60;
/** A page visit renews the cookie once it is this old, so busy users do not get a new one per request. */
export const SESSION_RENEW_AFTER_SECONDS = 5 * 60;

/** When a session signed in at `authTime` (seconds) can no longer be renewed. */
export function sessionHardExpiry(authTimeSeconds: number): Date {
  return new Date((authTimeSeconds + SESSION_ABSOLUTE_SECONDS) * 1000);
}

export function sessionPastAbsoluteLifetime(authTimeSeconds: number, now = new Date()): boolean {
  return sessionHardExpiry(authTimeSeconds).getTime() <= now.getTime();
}

/** The id signing out revokes: unguessable, so it cannot be revoked for someone else. */
export function newSessionId(): string {
  return crypto.randomBytes(18).toString("base64url");
}
