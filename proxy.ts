import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isProtectedPath, signInPathFor } from "@/lib/auth/protected-paths";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { authSecret } from "@/lib/auth/secret";
import { secureCookiesEnabled } from "@/lib/auth/secure-cookies";

/**
 * An optimistic gate: visitors of signed-in areas without a valid session cookie go to sign in, and
 * come back afterwards. It reads no database; pages check the session is still current
 * (getSessionUser / requireUser), which also catches sessions ended by a password reset.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isProtectedPath(pathname)) {
    const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookiesEnabled() });
    if (!token) return NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Every page, not static files or API routes (those answer 401 themselves).
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt|xml)$).*)"],
};
