import { describe, expect, it } from "vitest";
import { commonPasswords, isCommonPassword } from "@/lib/auth/common-passwords";
import {
  MIN_PASSWORD_SCORE,
  assertPasswordPolicy,
  passwordPolicyViolation,
  passwordScore,
} from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";

describe("password policy", () => {
  it("refuses passwords shorter than 12 characters, before looking at the common list", () => {
    expect(passwordPolicyViolation("short")).toMatch(/at least 12 characters/);
    // "password" is the most common password of all, but the length rule is the one reported.
    expect(passwordPolicyViolation("password")).toMatch(/at least 12 characters/);
    expect(passwordPolicyViolation("a".repeat(11))).toMatch(/at least 12 characters/);
  });

  it("refuses long passwords that are in the bundled common-password list, in any letter case", () => {
    expect(passwordPolicyViolation("1q2w3e4r5t6y")).toMatch(/commonly used/);
    expect(passwordPolicyViolation("qazwsxedcrfv")).toMatch(/commonly used/);
    expect(passwordPolicyViolation("QazWsxEdcRfv")).toMatch(/commonly used/);
    expect(passwordPolicyViolation("administrator")).toMatch(/commonly used/);
  });

  it("bundles a real list of tens of thousands of common passwords", () => {
    expect(commonPasswords().size).toBeGreaterThan(30_000);
    for (const p of ["123456", "password", "qwerty", "iloveyou", "letmein"]) expect(isCommonPassword(p)).toBe(true);
  });

  it("accepts a long uncommon passphrase", () => {
    expect(passwordPolicyViolation("correct horse battery staple")).toBeNull();
    expect(passwordPolicyViolation("tangerine-ocelot-47-viaduct")).toBeNull();
  });

  it("refuses long passwords that zxcvbn scores below 3: repeats, sequences, keyboard rows, the user's own name", () => {
    for (const weak of ["aaaaaaaaaaaa", "abcdefghijkl", "zxcvbnm,./12", "abcabcabcabc", "asdfghjkl;'1"]) {
      expect(passwordPolicyViolation(weak), weak).toMatch(/too easy to guess/);
      expect(passwordScore(weak)).toBeLessThan(MIN_PASSWORD_SCORE);
    }
    expect(passwordScore("annelongname")).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    expect(passwordPolicyViolation("annelongname", { email: "anne@example.test", name: "Anne Longname" })).toMatch(
      /too easy to guess/,
    );
    expect(MIN_PASSWORD_SCORE).toBe(3);
  });

  it("scores the first 48 characters only, so a long password cannot make the check slow", () => {
    expect(passwordPolicyViolation("a".repeat(256))).toMatch(/too easy to guess/);
    expect(passwordPolicyViolation(`${"ab".repeat(24)}${"tangerine-ocelot-47-viaduct".repeat(5)}`)).toMatch(
      /too easy to guess/,
    );
    expect(passwordPolicyViolation(`tangerine-ocelot-47-viaduct-marmalade-glacier-81${"a".repeat(200)}`)).toBeNull();
  });

  it("refuses the account's own email address as password", () => {
    expect(passwordPolicyViolation("ann.longname@example.test", { email: "ann.longname@example.test" })).toMatch(
      /email/,
    );
  });

  it("refuses passwords over the maximum length", () => {
    expect(passwordPolicyViolation("x".repeat(257))).toMatch(/at most 256/);
  });

  it("throws an invalid_input AppError attached to the field", () => {
    try {
      assertPasswordPolicy("tooshort", { field: "password" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_input");
      expect((error as AppError).fieldErrors?.password?.[0]).toMatch(/at least 12/);
    }
  });
});
