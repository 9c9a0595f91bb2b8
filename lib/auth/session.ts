import { cache } from "react";
import { auth } from "./config";
import { loadSessionUser } from "./load-session-user";
import { sessionClaims } from "./session-claims";
import type { SessionUser } from "./types";

/** One database read per request, however many components and wrappers ask. */
const currentSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = sessionClaims(await auth());
  return claims ? loadSessionUser(claims) : null;
});

/**
 * The signed-in user, loaded fresh from the database, or null: no or invalid session cookie, user
 * deleted, or a session from before the last password reset (sessionVersion no longer matches).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  return currentSessionUser();
}
