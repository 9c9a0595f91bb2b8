/** The app's public base URL, from APP_URL (default http://localhost:3000), without a trailing slash. */
function appBase(): string {
  return (process.env.APP_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
}

/** An absolute link into the app for mail, from APP_URL. */
export function appUrl(pathAndQuery: string): string {
  return `${appBase()}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}

/** Scheme, host and port of APP_URL; throws at start-up on a value that is not an http(s) URL. */
export function appOrigin(): string {
  const url = new URL(appBase());
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`APP_URL must be an http(s) URL, not "${appBase()}"`);
  return url.origin;
}
