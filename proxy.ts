import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isProtectedPath, signInPathFor } from "@/lib/auth/protected-paths";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { authSecret } from "@/lib/auth/secret";
import { secureCookiesEnabled } from "@/lib/auth/secure-cookies";
import { STRICT_TRANSPORT_SECURITY, createNonce, pageContentSecurityPolicy, servedOverHttps } from "@/lib/http/security-headers";

/**
 * Every page passes here. It sets the page's Content-Security-Policy with a fresh nonce (Next reads it
 * from the request header and puts it on its own scripts) and, as an optimistic gate, sends visitors
 * of signed-in areas without a valid session cookie to sign in, and back afterwards. It reads no
 * database; pages check the session is still current (getSessionUser / requireUser), which also
 * catches sessions ended by a password reset.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps(request.nextUrl);
  const csp = pageContentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development", https });

  let response: NextResponse;
  if (isProtectedPath(pathname) && !(await getToken({ req: request, secret: authSecret(), secureCookie: secureCookiesEnabled() }))) {
    response = NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page, not static files or API routes (those answer 401 themselves).
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt|xml)$).*)"],
};
