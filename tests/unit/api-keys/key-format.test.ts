import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, isApiKeyShaped } from "@/lib/api-keys/key-format";
import { scopeAllows } from "@/lib/api-keys/scope";
import { cursorSchema, encodeCursor } from "@/lib/validation/pagination";

describe("API key format", () => {
  it("makes pw_ keys of 256 random bits, shows 8 characters of them and stores their SHA-256", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 11));
    expect(a.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyHash).toBe(hashApiKey(a.key));
    expect(a.keyHash).not.toBe(b.keyHash);
  });

  it("recognises only well-formed keys", () => {
    expect(isApiKeyShaped(generateApiKey().key)).toBe(true);
    for (const bad of [
      "",
      "pw_",
      `pk_${"a".repeat(43)}`,
      `pw_${"a".repeat(42)}`,
      `pw_${"a".repeat(42)}!`,
      ` pw_${"a".repeat(43)}`,
    ])
      expect(isApiKeyShaped(bad), bad).toBe(false);
  });
});

describe("API key scopes", () => {
  it("lets read-only keys read and read-write keys also write and scan", () => {
    expect(scopeAllows("READ", "assets:read")).toBe(true);
    expect(scopeAllows("READ", "findings:read")).toBe(true);
    expect(scopeAllows("READ", "assets:write")).toBe(false);
    expect(scopeAllows("READ", "scans:start")).toBe(false);
    expect(scopeAllows("READ_WRITE", "assets:write")).toBe(true);
    expect(scopeAllows("READ_WRITE", "scans:start")).toBe(true);
  });
});

describe("pagination cursors", () => {
  it("round-trips a position and refuses anything else with one message", () => {
    const at = new Date("2026-11-28T12:00:00.123Z");
    expect(cursorSchema.parse(encodeCursor({ at, id: "ck123_-x" }))).toEqual({ at, id: "ck123_-x" });
    for (const bad of [
      "",
      "nonsense",
      Buffer.from("2026-11-28|a|b").toString("base64url"),
      Buffer.from("x|id").toString("base64url"),
    ]) {
      const r = cursorSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(
        "That cursor is not valid: pass back the nextCursor of an earlier response.",
      );
    }
  });
});
