import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInPathFor } from "./protected-paths";
import { REQUEST_PATH_HEADER } from "./request-path";
import { getSessionUser } from "./session";
import type { SessionUser } from "./types";


/**
 * For pages and layouts of signed-in areas: the user, or a redirect to sign in that returns here.
 * (The proxy only checks that a session cookie is valid; this also checks it is still current.)
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  redirect(path ? signInPathFor(path) : "/sign-in");
}
