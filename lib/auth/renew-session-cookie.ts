import type { NextRequest, NextResponse } from "next/server";
import { encode, getToken, type JWT } from "next-auth/jwt";
import { authSecret } from "./secret";
import { secureCookiesEnabled } from "./secure-cookies";
import { SESSION_IDLE_SECONDS, SESSION_RENEW_AFTER_SECONDS, sessionPastAbsoluteLifetime } from "./session-lifetime";

/** Auth.js's session cookie name, with its __Secure- prefix when cookies are Secure. */
export function sessionCookieName(secure = secureCookiesEnabled()): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * The request's session token if it is valid and within its absolute lifetime, else null. Reads no
 * database: revoked sessions pass here and are refused by getSessionUser.
 */
export async function readSessionToken(request: NextRequest): Promise<JWT | null> {
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookiesEnabled() });
  if (!token || typeof token.authTime !== "number" || sessionPastAbsoluteLifetime(token.authTime)) return null;
  return token;
}

/**
 * Sliding renewal: a page visit with a session cookie older than a few minutes gets a fresh cookie
 * (and JWT) valid for another idle period, carrying the same session id, generation and start.
 */
export async function renewSessionCookie(
  token: JWT,
  response: NextResponse,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<void> {
  if (typeof token.iat === "number" && nowSeconds - token.iat < SESSION_RENEW_AFTER_SECONDS) return;
  const secure = secureCookiesEnabled();
  const name = sessionCookieName(secure);
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encode({ token: claims, secret: authSecret(), salt: name, maxAge: SESSION_IDLE_SECONDS });
  response.cookies.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_IDLE_SECONDS,
  });
}
