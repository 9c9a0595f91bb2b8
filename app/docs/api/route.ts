import { headers } from "next/headers";
import { ApiReference } from "@scalar/nextjs-api-reference";
import { SCALAR_SCRIPT_PATH } from "./scalar-script";

export const dynamic = "force-dynamic";

/**
 * The API reference (Scalar), from /api/v1/openapi.json. Works offline: the script is the copy in
 * node_modules served by ./scalar.js (never Scalar's CDN), the default fonts (a CDN too) are off, and
 * both scripts carry this page's CSP nonce from proxy.ts.
 */
export async function GET() {
  const csp = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const render = ApiReference({
    url: "/api/v1/openapi.json",
    pageTitle: "Portwatch API reference",
    cdn: SCALAR_SCRIPT_PATH,
    ...(nonce ? { nonce } : {}),
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: false,
    mcp: { disabled: true },
    defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
    metaData: { title: "Portwatch API reference" },
  });
  const response = render();
  return new Response(response.body, {
    status: response.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
