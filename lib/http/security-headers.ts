/**
 * Response headers that make the browser enforce what the app already assumes: scripts only from the
 * app itself (Next's own inline scripts carry the per-request nonce), no framing, no MIME sniffing,
 * no URL (with its tokens) sent to other sites, HTTPS only once seen over HTTPS.
 */

/** Headers every response gets, pages, API routes and static files alike (next.config.ts). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** API routes answer JSON: nothing in them may run or be framed. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, the preload list's minimum; subdomains included because the app owns its host. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one page response. */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of one page. `'strict-dynamic'` lets Next's nonce-carrying scripts load their chunks;
 * styles may be inline (React and Recharts write style attributes; styles cannot run code), and
 * development adds `'unsafe-eval'`, which React's dev build needs for its error overlay.
 */
export function pageContentSecurityPolicy(opts: { nonce: string; development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The security test's proof of work (ALTCHA) runs in workers the widget creates from its own code.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Whether this request reached the app over HTTPS (directly, or as the proxy in front reports it). */
export function servedOverHttps(url: URL, env: Record<string, string | undefined> = process.env): boolean {
  return url.protocol === "https:" || (env.APP_URL?.trim().startsWith("https://") ?? false);
}
