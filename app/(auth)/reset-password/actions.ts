"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { resetPassword } from "@/lib/auth/reset-password";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/auth/safe-callback-url";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import {
  ACCESS_REVIEW_PATH,
  listAccessGrantedWhileUnverified,
} from "@/lib/organizations/access-granted-while-unverified";
import { resetPasswordSchema } from "@/lib/validation/auth";

/**
 * Sets the new password (every existing session ends), then signs this browser in with it. When the
 * reset is what confirmed the address and the account invited people before that, the user first sees
 * who got in that way and may remove them.
 */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  const { userId, email, verifiedNow } = await resetPassword({
    token: input.token,
    password: input.password,
    ip: clientIpFromHeaders(await headers()),
  });
  const review = verifiedNow && (await listAccessGrantedWhileUnverified(userId)).length > 0;
  try {
    await signInWithPassword(email, input.password);
  } catch {
    redirect(review ? `/sign-in?reset=1&callbackUrl=${encodeURIComponent(ACCESS_REVIEW_PATH)}` : "/sign-in?reset=1");
  }
  redirect(review ? ACCESS_REVIEW_PATH : DEFAULT_SIGNED_IN_PATH);
});
