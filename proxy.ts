import { NextResponse, type NextRequest } from "next/server";
import { isProtectedPath, signInPathFor } from "@/lib/auth/protected-paths";
import { readSessionToken, renewSessionCookie } from "@/lib/auth/renew-session-cookie";
import {
  STRICT_TRANSPORT_SECURITY,
  createNonce,
  pageContentSecurityPolicy,
  servedOverHttps,
} from "@/lib/http/security-headers";

/**
 * Every page passes here. It sets the page's Content-Security-Policy with a fresh nonce (Next reads it
 * from the request header and puts it on its own scripts), renews the session cookie of an active
 * visitor (sessions end when idle), and, as an optimistic gate, sends visitors of signed-in areas
 * without a valid session cookie to sign in, and back afterwards. It reads no database; pages check
 * the session is still current (getSessionUser), which also catches sessions that were
 * signed out or ended by a password reset.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps(request.nextUrl);
  const csp = pageContentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https,
  });
  const token = await readSessionToken(request);

  let response: NextResponse;
  if (isProtectedPath(pathname) && !token) {
    response = NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
    if (token) await renewSessionCookie(token, response);
  }
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page, not static files or API routes (those answer 401 themselves).
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt|xml)$).*)"],
};
