import crypto from "node:crypto";
import canonicalize from "canonicalize";

/**
 * Inngest request signing. The executor signs every request it sends to the app; the SDK (in cloud
 * mode) rejects requests whose X-Inngest-Signature does not match:
 *   t=<unix seconds>&s=hex(HMAC-SHA256(key = signing key without "signkey-<env>-", body + t))
 * where body is the RFC 8785 canonical JSON of the request body. Sending the canonical text itself
 * keeps what is signed and what is sent identical.
 */
const PREFIX = /^signkey-[\w]+-/;

/** Signing keys look like signkey-<env>-<hex>; the SDK hashes the hex part for bearer tokens. */
export function assertSigningKey(key: string): void {
  const body = key.replace(PREFIX, "");
  if (!PREFIX.test(key) || !/^[0-9a-f]+$/i.test(body) || body.length < 32 || body.length % 2 !== 0) {
    throw new Error("INNGEST_SIGNING_KEY must look like signkey-<env>-<hex> with at least 32 hex digits");
  }
}

export function generateSigningKey(): string {
  return `signkey-local-${crypto.randomBytes(32).toString("hex")}`;
}

export function generateEventKey(): string {
  return `local-${crypto.randomBytes(24).toString("hex")}`;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("Value cannot be serialised as JSON");
  return text;
}

function hmac(body: string, signingKey: string, ts: string): string {
  return crypto
    .createHmac("sha256", signingKey.replace(PREFIX, ""))
    .update(body + ts)
    .digest("hex");
}

/** X-Inngest-Signature value for a body (already canonical JSON text). */
export function signBody(body: string, signingKey: string, now: Date = new Date()): string {
  const ts = Math.floor(now.getTime() / 1000).toString();
  return `t=${ts}&s=${hmac(body, signingKey, ts)}`;
}

/** Checks a signature the way the SDK does (5-minute window); used to verify the app's responses and in tests. */
export function verifySignature(
  body: string,
  header: string | null | undefined,
  signingKey: string,
  now: Date = new Date(),
): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = params.get("t");
  const s = params.get("s");
  if (!t || !s || !/^\d+$/.test(t)) return false;
  if (Math.abs(now.getTime() - Number(t) * 1000) > 5 * 60_000) return false;
  const expected = Buffer.from(hmac(body, signingKey, t));
  const given = Buffer.from(s);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** "signkey-<env>-" + sha256(hex-decoded key): the bearer token the SDK sends with out-of-band syncs. */
export function hashedSigningKey(signingKey: string): string {
  const prefix = signingKey.match(PREFIX)?.[0] ?? "";
  const raw = Buffer.from(signingKey.replace(PREFIX, ""), "hex");
  return `${prefix}${crypto.createHash("sha256").update(raw).digest("hex")}`;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
