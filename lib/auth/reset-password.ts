import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password-hash";
import { assertPasswordPolicy } from "./password-policy";
import { hashToken, tokenState, type TokenState } from "./tokens";

export type ResetLinkState = Exclude<TokenState, "valid"> | "invalid";

export const RESET_LINK_MESSAGES: Record<ResetLinkState, string> = {
  invalid:
    "This password reset link is not valid. Check that you opened the whole link from the email, or ask for a new one.",
  expired: "This password reset link has expired (links work for 1 hour). Ask for a new one.",
  used: "This password reset link has already been used. If you still need to change your password, ask for a new link.",
};

/** What the reset page shows before the form: the form itself, or why the link no longer works. */
export async function checkResetLink(token: string, now = new Date()): Promise<TokenState | "invalid"> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== "PASSWORD_RESET") return "invalid";
  return tokenState(row, now);
}

/**
 * Sets a new password from a reset link, in one transaction: claims the token (a conditional update,
 * so a link works once even under double submits), stores the new hash, bumps sessionVersion (every
 * existing session ends), retires the account's other reset links, lifts the account's sign-in lockout
 * (the lockout message points here) and marks the email verified (the link proved the inbox).
 * `verifiedNow`: this reset is what verified the address (the caller then shows any access the account
 * handed out before, see lib/organizations/access-granted-while-unverified.ts).
 */
export async function resetPassword(
  input: { token: string; password: string; ip?: string },
  now = new Date(),
): Promise<{ userId: string; email: string; verifiedNow: boolean }> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row || row.purpose !== "PASSWORD_RESET") throw linkError("invalid");
  const state = tokenState(row, now);
  if (state !== "valid") throw linkError(state);
  // Policy before the claim: a refused password leaves the link usable for a better one.
  assertPasswordPolicy(input.password, { email: row.user.email });
  const passwordHash = await hashPassword(input.password);

  const claimed = await db.$transaction(async (tx) => {
    const claim = await tx.userToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claim.count !== 1) return null;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    const verified = await tx.user.updateMany({
      where: { id: row.userId, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    });
    await tx.userToken.updateMany({
      where: { userId: row.userId, purpose: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: now },
    });
    // Counts as a successful sign-in: the account's failure count starts over (the address's does not).
    await tx.signInAttempt.create({
      data: { email: row.user.email, ip: input.ip ?? "unknown", succeeded: true, createdAt: now },
    });
    return { verifiedNow: verified.count === 1 };
  });
  if (!claimed) throw linkError("used");
  return { userId: row.userId, email: row.user.email, verifiedNow: claimed.verifiedNow };
}

function linkError(state: ResetLinkState): AppError {
  return new AppError(state === "invalid" ? "not_found" : "gone", RESET_LINK_MESSAGES[state], {
    token: [RESET_LINK_MESSAGES[state]],
  });
}
