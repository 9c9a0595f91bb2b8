import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/socket-address";

/**
 * Stands in for the request scope Next.js gives server actions and server components: `headers()`
 * and `cookies()` of one simulated browser. Tests mock "next/headers" with `nextHeadersModule`, then
 * call the real actions, Auth.js and getSessionUser; cookies Auth.js sets land in the browser's jar
 * and go back with its next request, like a browser would do.
 */
export interface FakeBrowser {
  /** The socket address the server sees. */
  ip: string;
  cookies: Map<string, string>;
  /** What the browser itself puts in X-Forwarded-For (a client can send anything there). */
  forwardedFor?: string;
}

let current: FakeBrowser = newBrowser();

export function newBrowser(ip = "127.0.0.1"): FakeBrowser {
  return { ip, cookies: new Map() };
}

/** Every following request comes from `browser`. */
export function actAs(browser: FakeBrowser): FakeBrowser {
  current = browser;
  return browser;
}

interface CookieOptions {
  maxAge?: number;
  expires?: Date | number;
}

function isRemoval(value: string, options: CookieOptions | undefined): boolean {
  if (value === "") return true;
  if (options?.maxAge !== undefined && options.maxAge <= 0) return true;
  const expires = options?.expires;
  return expires !== undefined && new Date(expires).getTime() <= Date.now();
}

export const nextHeadersModule = {
  async headers() {
    // As Next.js passes them on: X-Forwarded-For is the socket address unless the client sent one.
    const h = new Headers({
      host: "localhost:3000",
      "x-forwarded-proto": "http",
      "x-forwarded-for": current.forwardedFor ?? current.ip,
      [SOCKET_ADDRESS_HEADER]: current.ip,
    });
    const cookie = [...current.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (cookie) h.set("cookie", cookie);
    return h;
  },
  async cookies() {
    const jar = current.cookies;
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set(name: string, value: string, options?: CookieOptions) {
        if (isRemoval(value, options)) jar.delete(name);
        else jar.set(name, value);
      },
      delete: (name: string) => jar.delete(name),
    };
  },
};
