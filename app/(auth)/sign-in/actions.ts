"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signInSchema } from "@/lib/validation/auth";

export const signInAction = publicAction(signInSchema, async (input) => {
  await signInWithPassword(input.email, input.password);
  redirect(safeCallbackUrl(input.callbackUrl));
});
