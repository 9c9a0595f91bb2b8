"use server";

import { signOut } from "@/lib/auth/config";

/** Clears this browser's session cookie and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
