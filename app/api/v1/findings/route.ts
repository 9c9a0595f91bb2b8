import { findingsExportResponse } from "@/lib/api/findings-export-response";
import { withApiKey } from "@/lib/api/with-api-key";

export const dynamic = "force-dynamic";

/**
 * The open ports, with every field the dashboard shows, under the filters of /findings; streamed as
 * JSON (default) or CSV (`?format=csv`).
 */
export const GET = withApiKey(
  async (req, ctx) =>
    findingsExportResponse(ctx, req.nextUrl.searchParams, { defaultFormat: "json", attachment: false }),
  { capability: "findings:read" },
);
