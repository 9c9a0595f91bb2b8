"use server";

import { publicAction, userAction } from "@/lib/actions/action";
import { resendVerificationByToken } from "@/lib/auth/resend-verification-by-token";
import { sendVerificationEmail, type VerificationMailOutcome } from "@/lib/auth/send-verification-email";
import { resendVerificationByTokenSchema, resendVerificationSchema } from "@/lib/validation/auth";

const outcomeMessage = (outcome: VerificationMailOutcome) =>
  outcome === "sent"
    ? "We sent a new link. It expires in 24 hours; check your spam folder if it does not arrive within a few minutes."
    : "Your email address is already confirmed.";

/** From the banner or the check-your-inbox page, for the signed-in user. */
export const resendVerificationAction = userAction(resendVerificationSchema, async (_input, user) => ({
  success: outcomeMessage(await sendVerificationEmail(user.id)),
}));

/** From an expired or used link, for someone not signed in on this device. */
export const resendVerificationByTokenAction = publicAction(resendVerificationByTokenSchema, async (input) => ({
  success: outcomeMessage(await resendVerificationByToken(input.token)),
}));
