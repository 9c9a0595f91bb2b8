/** Where signed-in users land by default. */
export const DEFAULT_SIGNED_IN_PATH = "/dashboard";

const BASE = "http://portwatch.invalid";

/** A path a browser resolves on this site only: "/x", never "//host" or "/\host" (both mean another host). */
function isSameSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/**
 * A callbackUrl is only followed when it is a path on this site. The check runs on the normalised
 * result too: "/.//evil.test", "/..//evil.test" and "/%2e//evil.test" are paths as typed, but their dot
 * segments resolve away and leave "//evil.test", which a browser follows to another host. Anything
 * with control characters or backslashes, or longer than 2048 characters, lands on `fallback`.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = DEFAULT_SIGNED_IN_PATH): string {
  if (!raw) return fallback;
  if (raw.length > 2048 || !isSameSitePath(raw)) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, BASE);
    if (url.origin !== BASE) return fallback;
    const normalised = `${url.pathname}${url.search}${url.hash}`;
    return isSameSitePath(normalised) ? normalised : fallback;
  } catch {
    return fallback;
  }
}
