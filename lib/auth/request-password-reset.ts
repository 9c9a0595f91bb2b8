import { db } from "@/lib/db/client";
import { createUserToken } from "./create-user-token";
import { resetPasswordMail } from "./emails/reset-password";
import { withinLinkMailQuota } from "./link-mail-quota";
import { sendLinkMail } from "./send-link-mail";
import { PASSWORD_RESET_TTL_MS } from "./tokens";

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that email, we have sent a link to reset its password. The link expires in 1 hour.";

/**
 * Mails a reset link when the account exists and has not had several in the last hour. The caller
 * always shows RESET_REQUESTED_MESSAGE, whichever happened.
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return;
  if (!(await withinLinkMailQuota(user.id, "PASSWORD_RESET", now))) return;
  const token = await createUserToken(db, {
    userId: user.id,
    purpose: "PASSWORD_RESET",
    ttlMs: PASSWORD_RESET_TTL_MS,
    now,
  });
  await sendLinkMail(resetPasswordMail({ to: user.email, name: user.name, token }));
}
