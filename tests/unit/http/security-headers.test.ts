import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy, servedOverHttps } from "@/lib/http/security-headers";

describe("page Content-Security-Policy", () => {
  it("allows scripts only with the request's nonce, forbids framing, plugins and base rewriting", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123==", development: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const d of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "default-src 'self'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
    // Workers (the security test's proof of work) only from the app's own code, never another site.
    expect(csp).toContain("worker-src 'self' blob:;");
  });

  it("adds eval only in development and upgrade-insecure-requests only over HTTPS", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain(
      "'strict-dynamic' 'unsafe-eval'",
    );
    expect(pageContentSecurityPolicy({ nonce: "n", development: false, https: true })).toContain(
      "upgrade-insecure-requests",
    );
  });

  it("makes a different nonce for every response, in the form Next reads", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("knows HTTPS from the request or from an https APP_URL", () => {
    expect(servedOverHttps(new URL("https://portwatch.test/"), {})).toBe(true);
    expect(servedOverHttps(new URL("http://127.0.0.1:3000/"), {})).toBe(false);
    expect(servedOverHttps(new URL("http://127.0.0.1:3000/"), { APP_URL: "https://portwatch.test" })).toBe(true);
  });
});
