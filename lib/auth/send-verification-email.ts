import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createUserToken } from "./create-user-token";
import { verifyEmailMail } from "./emails/verify-email";
import { withinLinkMailQuota } from "./link-mail-quota";
import { sendLinkMail } from "./send-link-mail";
import { EMAIL_VERIFICATION_TTL_MS } from "./tokens";

export type VerificationMailOutcome = "sent" | "already_verified";

/**
 * Mails a fresh verification link to the user's address. Earlier links stay valid until they expire
 * (a mail that arrives late still works); at most a few mails an hour go to one address.
 */
export async function sendVerificationEmail(userId: string, now = new Date()): Promise<VerificationMailOutcome> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerifiedAt: true },
  });
  if (!user) throw new AppError("not_found", "That account no longer exists.");
  if (user.emailVerifiedAt) return "already_verified";
  if (!(await withinLinkMailQuota(user.id, "EMAIL_VERIFICATION", now))) {
    throw new AppError(
      "rate_limited",
      "We have sent several links in the last hour. Check your inbox and spam folder, or try again later.",
    );
  }
  const token = await createUserToken(db, {
    userId: user.id,
    purpose: "EMAIL_VERIFICATION",
    ttlMs: EMAIL_VERIFICATION_TTL_MS,
    now,
  });
  await sendLinkMail(verifyEmailMail({ to: user.email, name: user.name, token }));
  return "sent";
}
