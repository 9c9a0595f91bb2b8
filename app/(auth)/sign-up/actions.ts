"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { requestIp } from "@/lib/audit/request-ip";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signUp } from "@/lib/auth/sign-up";
import { signUpSchema } from "@/lib/validation/auth";

export const signUpAction = publicAction(signUpSchema, async (input) => {
  await signUp(input, new Date(), (await requestIp()) ?? "unknown");
  try {
    await signInWithPassword(input.email, input.password);
  } catch {
    // The account exists; if signing in right away is refused (e.g. this network is rate limited), sign in by hand.
    redirect("/sign-in?registered=1");
  }
  // An invitee who signed up from an invitation goes straight back to it.
  redirect(safeCallbackUrl(input.callbackUrl));
});
