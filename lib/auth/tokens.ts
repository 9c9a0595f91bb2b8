import crypto from "node:crypto";

/**
 * Single-use links sent by mail. The raw token only ever exists in the mail; the database keeps its
 * SHA-256, so a leaked database cannot be replayed as links. 32 random bytes make guessing hopeless,
 * which is why a plain (unsalted, fast) hash is enough here, unlike for passwords.
 */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function generateToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export type TokenState = "valid" | "used" | "expired";

/** Used wins over expired: "already used" is the more useful thing to tell someone. */
export function tokenState(token: { usedAt: Date | null; expiresAt: Date }, now: Date = new Date()): TokenState {
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
