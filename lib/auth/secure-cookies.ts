/**
 * Secure cookies (with their __Secure- names) in production. The one exception is a production
 * build served over plain http on a loopback address (APP_URL http://localhost:… or 127.x), as when
 * running the end-to-end tests: browsers do not send Secure cookies there reliably. Development
 * uses plain cookies. The proxy and Auth.js must agree, or the proxy looks for the wrong cookie.
 */
export function secureCookiesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NODE_ENV !== "production") return false;
  return !isPlainHttpLoopback(env.APP_URL ?? env.AUTH_URL);
}

function isPlainHttpLoopback(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === "http:" &&
      (hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname))
    );
  } catch {
    return false;
  }
}
