"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { resetPassword } from "@/lib/auth/reset-password";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/auth/safe-callback-url";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { resetPasswordSchema } from "@/lib/validation/auth";

/** Sets the new password (every existing session ends), then signs this browser in with it. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  const { email } = await resetPassword({ token: input.token, password: input.password, ip: clientIpFromHeaders(await headers()) });
  try {
    await signInWithPassword(email, input.password);
  } catch {
    redirect("/sign-in?reset=1");
  }
  redirect(DEFAULT_SIGNED_IN_PATH);
});
