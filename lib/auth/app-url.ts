/** An absolute link into the app for mail, from APP_URL (default http://localhost:3000). */
export function appUrl(pathAndQuery: string): string {
  const base = (process.env.APP_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}
