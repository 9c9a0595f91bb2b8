"use server";

import { auth, signOut } from "@/lib/auth/config";
import { revokeSession } from "@/lib/auth/end-session";
import { sessionClaims } from "@/lib/auth/session-claims";

/** Ends this session on the server, clears the browser's cookie and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const claims = sessionClaims(await auth());
  if (claims) await revokeSession(claims);
  await signOut({ redirectTo: "/sign-in" });
}
