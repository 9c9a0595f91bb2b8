import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

/**
 * Scalar's standalone API-reference bundle, served from the installed @scalar/api-reference package so
 * /docs/api needs no CDN (the machine running Portwatch may have no internet).
 */
export async function GET() {
  const file = path.join(
    /* turbopackIgnore: true */ process.cwd(),
    "node_modules",
    "@scalar",
    "api-reference",
    "dist",
    "browser",
    "standalone.js",
  );
  const script = await readFile(file);
  return new Response(script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
