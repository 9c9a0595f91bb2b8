import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isProtectedPath, signInPathFor } from "@/lib/auth/protected-paths";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("callbackUrl after sign-in", () => {
  it("follows paths on this site, with their query", () => {
    expect(safeCallbackUrl("/settings/members?tab=invites")).toBe("/settings/members?tab=invites");
    expect(safeCallbackUrl("/assets")).toBe("/assets");
  });

  it("goes to /dashboard by default and for anything that could leave the site", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "https://evil.test/",
      "//evil.test/x",
      "/\\evil.test",
      "/%0d%0aSet-Cookie:x",
      "javascript:alert(1)",
      "/a\\b",
      `/${"a".repeat(3000)}`,
    ]) {
      const result = safeCallbackUrl(bad);
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      if (bad !== "/%0d%0aSet-Cookie:x") expect(result).toBe("/dashboard");
    }
  });
});

describe("callbackUrl path tricks", () => {
  it("refuses paths whose dot segments resolve to another host", () => {
    for (const bad of [
      "/.//evil.example/phish",
      "/..//x",
      "/%2e//x",
      "/%2E%2E//x",
      "/a/../..//x",
      "/./%2e/..//evil.test",
      "/.%2e//x",
    ]) {
      expect(safeCallbackUrl(bad), bad).toBe("/dashboard");
    }
  });

  it("keeps dot segments that stay on this site, normalised", () => {
    expect(safeCallbackUrl("/settings/./members")).toBe("/settings/members");
    expect(safeCallbackUrl("/assets/../settings")).toBe("/settings");
    expect(safeCallbackUrl("/%2f%2fevil.test")).toBe("/%2f%2fevil.test");
  });

  const piece = fc.constantFrom(
    "/",
    "//",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "\\",
    "evil.test",
    "@",
    ":",
    "?",
    "#",
    "\t",
    " ",
    "https:",
    "%00",
    "a",
    ";",
    "%",
    "~",
  );
  const tricky = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

  it("whatever the path, the browser resolves the result on this site, and the result is already normalised", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          tricky,
          tricky.map((p) => `/${p}`),
          fc.string(),
        ),
        (raw) => {
          const result = safeCallbackUrl(raw);
          // Where a browser on a Portwatch page goes when sent to `result` (Location header or router push).
          expect(new URL(result, "https://portwatch.test/sign-in?callbackUrl=x").origin).toBe("https://portwatch.test");
          expect(result.startsWith("/")).toBe(true);
          expect(safeCallbackUrl(result)).toBe(result);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("protected areas", () => {
  it("covers the signed-in sections and their sub-pages, not public pages", () => {
    for (const p of ["/organizations/new", "/assets", "/assets/abc", "/settings/members"])
      expect(isProtectedPath(p)).toBe(true);
    for (const p of ["/", "/sign-in", "/sign-up", "/verify-email", "/reset-password", "/assetsx", "/invite/abc"])
      expect(isProtectedPath(p)).toBe(false);
  });

  it("builds a sign-in address that returns to the page", () => {
    expect(signInPathFor("/assets?x=1")).toBe("/sign-in?callbackUrl=%2Fassets%3Fx%3D1");
  });
});
