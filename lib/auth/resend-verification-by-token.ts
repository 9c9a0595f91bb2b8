import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sendVerificationEmail, type VerificationMailOutcome } from "./send-verification-email";
import { hashToken } from "./tokens";

/**
 * "Send a new link" from an expired or used verification link, for someone who is not signed in on
 * this device. The old token names the account; the new link goes to that account's own address.
 */
export async function resendVerificationByToken(token: string, now = new Date()): Promise<VerificationMailOutcome> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true, purpose: true },
  });
  if (!row || row.purpose !== "EMAIL_VERIFICATION") {
    throw new AppError("not_found", "This link is not one of ours. Sign in to have a new link sent to you.");
  }
  return sendVerificationEmail(row.userId, now);
}
