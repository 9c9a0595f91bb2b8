/**
 * Secure cookies (and their __Secure- names) in production; plain http://localhost works in
 * development. The proxy and Auth.js must agree, or the proxy looks for the wrong cookie name.
 */
export function secureCookiesEnabled(): boolean {
  return process.env.NODE_ENV === "production";
}
