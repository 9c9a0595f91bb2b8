import { describe, expect, it } from "vitest";
import { isProtectedPath, signInPathFor } from "@/lib/auth/protected-paths";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("callbackUrl after sign-in", () => {
  it("follows paths on this site, with their query", () => {
    expect(safeCallbackUrl("/settings/members?tab=invites")).toBe("/settings/members?tab=invites");
    expect(safeCallbackUrl("/assets")).toBe("/assets");
  });

  it("goes to /assets by default and for anything that could leave the site", () => {
    for (const bad of [undefined, null, "", "https://evil.test/", "//evil.test/x", "/\\evil.test", "/%0d%0aSet-Cookie:x", "javascript:alert(1)", "/a\\b", `/${"a".repeat(3000)}`]) {
      const result = safeCallbackUrl(bad);
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      if (bad !== "/%0d%0aSet-Cookie:x") expect(result).toBe("/assets");
    }
  });
});

describe("protected areas", () => {
  it("covers the signed-in sections and their sub-pages, not public pages", () => {
    for (const p of ["/dashboard", "/assets", "/assets/abc", "/settings/members"]) expect(isProtectedPath(p)).toBe(true);
    for (const p of ["/", "/sign-in", "/sign-up", "/verify-email", "/reset-password", "/assetsx", "/invite/abc"]) expect(isProtectedPath(p)).toBe(false);
  });

  it("builds a sign-in address that returns to the page", () => {
    expect(signInPathFor("/assets?x=1")).toBe("/sign-in?callbackUrl=%2Fassets%3Fx%3D1");
  });
});
