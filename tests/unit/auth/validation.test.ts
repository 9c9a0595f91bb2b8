import { describe, expect, it } from "vitest";
import { resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";

describe("account form schemas", () => {
  it("normalise the email so one address is one account", () => {
    const parsed = signUpSchema.parse({ name: " Ann ", email: "  Ann@Example.TEST ", password: "x".repeat(12) });
    expect(parsed.email).toBe("ann@example.test");
    expect(parsed.name).toBe("Ann");
    expect(parsed.organizationName).toBeUndefined();
  });

  it("explain each missing or malformed field", () => {
    const result = signUpSchema.safeParse({ email: "not-an-email", password: "short" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField.name).toBe("Enter your name.");
    expect(byField.email).toMatch(/valid email/);
    expect(byField.password).toMatch(/at least 12 characters/);
  });

  it("sign-in accepts any non-empty password (old passwords may predate the rules)", () => {
    expect(signInSchema.safeParse({ email: "a@example.test", password: "x" }).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@example.test", password: "" }).success).toBe(false);
  });

  it("reset requires both passwords to match and a well-formed token", () => {
    const ok = { token: "A".repeat(43), password: "p".repeat(14), confirmPassword: "p".repeat(14) };
    expect(resetPasswordSchema.safeParse(ok).success).toBe(true);
    const mismatch = resetPasswordSchema.safeParse({ ...ok, confirmPassword: "q".repeat(14) });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirmPassword"]);
    expect(resetPasswordSchema.safeParse({ ...ok, token: "../../etc" }).success).toBe(false);
  });
});

describe("names people type", () => {
  const base = { email: "a@example.test", password: "x".repeat(12) };
  it.each(["Ann\r\nBcc: x@example.test", "Ann\u0000", "Ann\u2028Evil", "\u202Emoc.live"])(
    "sign-up refuses %j as a name and as an organisation name",
    (text) => {
      const asName = signUpSchema.safeParse({ ...base, name: text });
      expect(asName.error?.issues[0]).toMatchObject({
        path: ["name"],
        message: expect.stringMatching(/control characters/),
      });
      const asOrg = signUpSchema.safeParse({ ...base, name: "Ann", organizationName: text });
      expect(asOrg.error?.issues[0]).toMatchObject({
        path: ["organizationName"],
        message: expect.stringMatching(/control characters/),
      });
    },
  );

  it("a blank organisation name still means the default one", () => {
    expect(signUpSchema.parse({ ...base, name: "Ann", organizationName: "   " }).organizationName).toBeUndefined();
    expect(signUpSchema.parse({ ...base, name: "Ann", organizationName: " Acme " }).organizationName).toBe("Acme");
  });
});
