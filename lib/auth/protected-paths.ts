/**
 * The signed-in areas. The proxy sends visitors without a valid session cookie to sign in first;
 * pages still check the session against the database (getSessionUser). Only prefixes of pages that
 * exist: add a new signed-in area here when its first page lands.
 */
const PROTECTED_PREFIXES = ["/assets", "/findings", "/settings", "/organizations"] as const;

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** The sign-in address that brings the user back to `pathAndQuery` afterwards. */
export function signInPathFor(pathAndQuery: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: pathAndQuery })}`;
}
