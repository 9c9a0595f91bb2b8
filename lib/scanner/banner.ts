/**
 * Turning untrusted bytes from a remote service into text that is safe to store and display.
 * Everything outside printable ASCII is escaped (`\x1b`, `\r`, `\n`, ...) so banners cannot carry
 * terminal escape sequences, bidi overrides or invalid UTF-8 into logs, JSON or the dashboard.
 */

/** Bytes kept from any one reply; reading stops here so a hostile server cannot make us buffer more. */
export const READ_CAP_BYTES = 8192;

/** Raw bytes shown as a banner (before escaping, which at most quadruples the length). */
export const BANNER_CAP_BYTES = 1024;

const NAMED_ESCAPES: Record<number, string> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r", 0x5c: "\\\\" };

/** Escapes every byte outside printable ASCII as `\xNN` (tab, CR, LF and backslash by name). */
export function escapeBytes(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) {
    const named = NAMED_ESCAPES[byte];
    if (named !== undefined) out += named;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += "\\x" + byte.toString(16).padStart(2, "0");
  }
  return out;
}

/** The banner to store for a reply: null when the service sent nothing, else the first bytes escaped. */
export function bannerFrom(bytes: Uint8Array | null | undefined, capBytes = BANNER_CAP_BYTES): string | null {
  if (!bytes || bytes.length === 0) return null;
  const kept = bytes.subarray(0, capBytes);
  const suffix = bytes.length > capBytes ? "…" : "";
  return escapeBytes(kept) + suffix;
}

/**
 * Sanitises a short text field extracted from a reply (product, version, certificate subject):
 * escaped like a banner and cut to `maxChars`, so a parsed field is never longer or less safe than the banner.
 * Parsers decode replies as latin1 (one char per byte); strings Node already decoded (certificates) are utf8.
 */
export function safeField(text: string, maxChars = 200, encoding: "latin1" | "utf8" = "latin1"): string {
  const escaped = escapeBytes(Buffer.from(text, encoding));
  return escaped.length > maxChars ? escaped.slice(0, maxChars) + "…" : escaped;
}
