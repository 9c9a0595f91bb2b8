"use server";

import { userAction } from "@/lib/actions/action";
import { signOut } from "@/lib/auth/config";
import { endAllSessions } from "@/lib/auth/end-session";
import { signOutEverywhereSchema } from "@/lib/validation/auth";

/** Ends every session of the signed-in user (other devices, copied cookies), then this one. */
export const signOutEverywhereAction = userAction(signOutEverywhereSchema, async (_input, user) => {
  await endAllSessions(user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
  return { success: "Signed out everywhere." };
});
