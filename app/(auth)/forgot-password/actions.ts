"use server";

import { publicAction } from "@/lib/actions/action";
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from "@/lib/auth/request-password-reset";
import { forgotPasswordSchema } from "@/lib/validation/auth";

export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (input) => {
  await requestPasswordReset(input.email);
  return { success: RESET_REQUESTED_MESSAGE };
});
