import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assertSigningKey,
  canonicalJson,
  generateSigningKey,
  hashedSigningKey,
  signBody,
  verifySignature,
} from "@/lib/executor/signing";

const key = `signkey-test-${"ab".repeat(32)}`;

describe("request signing", () => {
  it("signs body + timestamp with HMAC-SHA256 keyed by the key without its prefix", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const body = canonicalJson({ b: 1, a: "x" });
    const sig = signBody(body, key, now);
    const ts = String(now.getTime() / 1000);
    const expected = crypto
      .createHmac("sha256", "ab".repeat(32))
      .update(body + ts)
      .digest("hex");
    expect(sig).toBe(`t=${ts}&s=${expected}`);
  });

  it("canonicalises JSON (RFC 8785) so the SDK's re-serialisation signs the same text", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe('{"a":{"c":null,"d":[1,2]},"b":1}');
  });

  it("verifies its own signatures and rejects tampering, other keys and stale timestamps", () => {
    const body = canonicalJson({ event: { name: "x" } });
    const now = new Date();
    const sig = signBody(body, key, now);
    expect(verifySignature(body, sig, key, now)).toBe(true);
    expect(verifySignature(body.replace("x", "y"), sig, key, now)).toBe(false);
    expect(verifySignature(body, sig, `signkey-test-${"cd".repeat(32)}`, now)).toBe(false);
    expect(verifySignature(body, sig, key, new Date(now.getTime() + 6 * 60_000))).toBe(false);
    expect(verifySignature(body, null, key, now)).toBe(false);
  });

  it("hashes the signing key like the SDK's bearer token (SDK spec example)", () => {
    expect(hashedSigningKey("signkey-prod-12345678")).toBe(
      "signkey-prod-b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c",
    );
  });

  it("generates valid keys and rejects malformed ones", () => {
    expect(() => assertSigningKey(generateSigningKey())).not.toThrow();
    expect(() => assertSigningKey("secret")).toThrow(/signkey-<env>-<hex>/);
    expect(() => assertSigningKey("signkey-prod-xyz")).toThrow(/signkey-<env>-<hex>/);
  });
});
