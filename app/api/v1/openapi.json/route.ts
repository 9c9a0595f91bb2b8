import { NextResponse } from "next/server";
import { OPENAPI_DOCUMENT } from "@/lib/api/v1/openapi";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document of /api/v1: public, no key needed. */
export function GET() {
  return NextResponse.json(OPENAPI_DOCUMENT, { headers: { "Access-Control-Allow-Origin": "*" } });
}
