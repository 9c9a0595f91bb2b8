import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EMAIL_VERIFICATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  generateToken,
  hashToken,
  tokenState,
} from "@/lib/auth/tokens";

describe("link tokens", () => {
  it("are 32 random bytes in URL-safe base64, different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
  });

  it("are stored as their SHA-256 in hex, never as themselves", () => {
    const token = generateToken();
    const expected = crypto.createHash("sha256").update(token).digest("hex");
    expect(hashToken(token)).toBe(expected);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(`${token}x`)).not.toBe(expected);
  });

  it("last 24 hours for email verification and 1 hour for password reset", () => {
    expect(EMAIL_VERIFICATION_TTL_MS).toBe(24 * 3600 * 1000);
    expect(PASSWORD_RESET_TTL_MS).toBe(3600 * 1000);
  });

  it("are valid until their expiry instant, expired from it on, and used once used", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(tokenState({ usedAt: null, expiresAt: at(1) }, now)).toBe("valid");
    expect(tokenState({ usedAt: null, expiresAt: at(0) }, now)).toBe("expired");
    expect(tokenState({ usedAt: null, expiresAt: at(-1) }, now)).toBe("expired");
    expect(tokenState({ usedAt: at(-5), expiresAt: at(1000) }, now)).toBe("used");
    // Used and expired: "used" is what the user is told.
    expect(tokenState({ usedAt: at(-5000), expiresAt: at(-1000) }, now)).toBe("used");
  });
});
