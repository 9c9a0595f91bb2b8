import type { NextRequest } from "next/server";
import { findingsExportResponse } from "@/lib/api/findings-export-response";
import { withOrg } from "@/lib/api/with-org";

export const dynamic = "force-dynamic";

/**
 * The open ports under the findings filter (same query string as /findings), as CSV or JSON,
 * streamed: GET /api/orgs/<orgId>/findings/export?format=csv&severity=critical,high…
 */
export const GET = withOrg(
  async (req: NextRequest, ctx) =>
    findingsExportResponse(ctx, req.nextUrl.searchParams, { defaultFormat: "csv", attachment: true }),
  { capability: "findings:read" },
);
