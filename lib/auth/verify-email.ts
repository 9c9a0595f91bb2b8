import { db } from "@/lib/db/client";
import { addFirstAsset } from "@/lib/assets/add-first-asset";
import { hashToken, tokenState } from "./tokens";

export type VerifyEmailOutcome =
  | { status: "verified"; email: string; firstAsset: string | null }
  | { status: "invalid" }
  | { status: "expired" }
  | { status: "used"; alreadyVerified: boolean };

/**
 * Redeems an email-verification link. The token is marked used by a conditional update, so two
 * clicks racing each other verify once and the second sees "used".
 */
export async function verifyEmail(token: string, now = new Date()): Promise<VerifyEmailOutcome> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, emailVerifiedAt: true } },
    },
  });
  if (!row || row.purpose !== "EMAIL_VERIFICATION") return { status: "invalid" };
  const state = tokenState(row, now);
  if (state === "used") return { status: "used", alreadyVerified: row.user.emailVerifiedAt !== null };
  if (state === "expired") return { status: "expired" };

  const redeemed = await db.$transaction(async (tx) => {
    const claim = await tx.userToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claim.count !== 1) return false;
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    // Other verification links of the account have nothing left to do.
    await tx.userToken.updateMany({
      where: { userId: row.userId, purpose: "EMAIL_VERIFICATION", usedAt: null },
      data: { usedAt: now },
    });
    return true;
  });
  if (!redeemed) return { status: "used", alreadyVerified: true };
  // The domain carried from the public security test, if any, becomes the first asset now.
  const firstAsset = await addFirstAsset(row.userId, now).catch((error: unknown) => {
    console.error("[portwatch] the carried domain could not be added", error);
    return null;
  });
  return { status: "verified", email: row.user.email, firstAsset };
}
