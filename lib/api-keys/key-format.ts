import crypto from "node:crypto";

/**
 * What an API key looks like: "pw_" and 43 base64url characters (32 random bytes). The prefix lets
 * secret scanners and people recognise it; 256 bits make guessing hopeless, so the stored SHA-256 needs
 * no salt or slow hash (as for mailed tokens, lib/auth/tokens.ts).
 */
export const API_KEY_PREFIX = "pw_";
const KEY_PATTERN = /^pw_[A-Za-z0-9_-]{43}$/;
/** How much of the key the settings page shows: the prefix and 8 characters. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN_CHARS), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether a string has the shape of a key (checked before any database lookup). */
export function isApiKeyShaped(value: string): boolean {
  return KEY_PATTERN.test(value);
}
