import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { credentialsSchema } from "@/lib/validation/auth";
import { authenticate } from "./authenticate";
import { clientIpFromHeaders } from "./client-ip";
import { authSecret } from "./secret";
import { secureCookiesEnabled } from "./secure-cookies";
import { SESSION_IDLE_SECONDS, newSessionId } from "./session-lifetime";

/** Carries our user-facing refusal (wrong password, rate limit) through Auth.js to the sign-in action. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly reason: AppError) {
    super(reason.message);
    this.code = reason.code;
  }
}

function buildConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    // Self-hosted: the app is reached through its own host name (links in mail use APP_URL).
    trustHost: true,
    useSecureCookies: secureCookiesEnabled(),
    // JWT sessions in httpOnly, SameSite=Lax cookies (Auth.js defaults), checked on every request by
    // getSessionUser against the user's sessionVersion and the revoked sessions. They expire when
    // idle; page visits renew them (proxy.ts).
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) {
            throw new SignInRefused(
              new AppError("invalid_input", parsed.error.issues[0]?.message ?? "Enter your email and password."),
            );
          }
          try {
            const user = await authenticate({ ...parsed.data, ip: clientIpFromHeaders(request.headers) });
            return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
          } catch (error) {
            if (error instanceof AppError) throw new SignInRefused(error);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only at sign-in is `user` present: the token keeps who signed in, their session generation,
        // this session's own id (what signing out revokes) and when it began (its absolute limit).
        if (user) {
          return {
            sub: user.id,
            sessionVersion: (user as { sessionVersion?: number }).sessionVersion ?? 0,
            sid: newSessionId(),
            authTime: Math.floor(Date.now() / 1000),
          };
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          userId: token.sub,
          sessionVersion: token.sessionVersion,
          sessionId: token.sid,
          authTime: token.authTime,
        };
      },
    },
    logger: {
      // A refused sign-in is an expected outcome, not an error worth a stack trace in the log.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        // A cookie from before a secret change, or a tampered one: the visitor is simply signed out.
        if (error instanceof AuthError && error.type === "JWTSessionError") {
          console.warn(
            "[auth] ignored an unreadable session cookie:",
            error.cause instanceof Error ? error.cause.message : error.message,
          );
          return;
        }
        console.error("[auth]", error);
      },
      warn(code) {
        console.warn("[auth] warning:", code);
      },
      debug() {},
    },
  };
}

let config: NextAuthConfig | undefined;

/** Built on first use, so `next build` does not need AUTH_SECRET and a missing secret fails loudly at run time. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= buildConfig()));
