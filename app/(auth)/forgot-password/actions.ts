"use server";

import { publicAction } from "@/lib/actions/action";
import { afterResponse } from "@/lib/background/after-response";
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from "@/lib/auth/request-password-reset";
import { forgotPasswordSchema } from "@/lib/validation/auth";

/**
 * Answers at once with the same message whatever happens: looking the account up, creating the link
 * and mailing it run after the response, so its timing says nothing about whether the account exists.
 */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (input) => {
  await afterResponse("password reset mail", () => requestPasswordReset(input.email));
  return { success: RESET_REQUESTED_MESSAGE };
});
