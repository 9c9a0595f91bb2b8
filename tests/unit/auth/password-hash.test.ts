import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "@/lib/auth/password-hash";

describe("password hashing", () => {
  it("uses argon2id with a random salt", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verifies the right password only, and treats a malformed hash as a mismatch", async () => {
    const h = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(h, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(h, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyAgainstDummyHash("anything")).toBe(false);
  });
});
