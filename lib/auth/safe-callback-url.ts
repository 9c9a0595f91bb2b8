/** Where signed-in users land by default. */
export const DEFAULT_SIGNED_IN_PATH = "/assets";

/**
 * A callbackUrl is only followed when it is a path on this site: "/x", never "//host", "/\\host",
 * "https://elsewhere" or anything with control characters. Otherwise the user lands on `fallback`.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = DEFAULT_SIGNED_IN_PATH): string {
  if (!raw) return fallback;
  if (raw.length > 2048 || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, "http://portwatch.invalid");
    if (url.origin !== "http://portwatch.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
