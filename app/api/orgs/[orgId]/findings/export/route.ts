import type { NextRequest } from "next/server";
import { withOrg } from "@/lib/api/with-org";
import { AppError, notFound } from "@/lib/errors";
import { findFindingsAsset } from "@/lib/findings/list-findings";
import { findingsExportStream } from "@/lib/findings/export-stream";
import { findingsFilterSchema } from "@/lib/validation/findings";

export const dynamic = "force-dynamic";

/**
 * The open ports under the findings filter (same query string as /findings), as CSV or JSON,
 * streamed: GET /api/orgs/<orgId>/findings/export?format=csv&severity=critical,high…
 */
export const GET = withOrg(
  async (req: NextRequest, ctx) => {
    const params = Object.fromEntries(req.nextUrl.searchParams);
    const format = params.format ?? "csv";
    if (format !== "csv" && format !== "json") {
      throw new AppError("invalid_input", "The export format is csv or json.", {
        format: ["The export format is csv or json."],
      });
    }
    const parsed = findingsFilterSchema.safeParse(params);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      throw new AppError("invalid_input", Object.values(fieldErrors).flat().join(" "), fieldErrors);
    }
    // An asset of another organisation (or a deleted one) is "not found", never an empty export.
    if (parsed.data.asset && !(await findFindingsAsset(ctx, parsed.data.asset))) throw notFound("Asset");
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
    return new Response(findingsExportStream(ctx, parsed.data, format), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="portwatch-findings-${stamp}.${format}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { capability: "findings:read" },
);
