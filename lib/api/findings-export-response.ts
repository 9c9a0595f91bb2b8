import { AppError, notFound } from "@/lib/errors";
import { findingsExportStream } from "@/lib/findings/export-stream";
import type { ExportFormat } from "@/lib/findings/export-format";
import { findFindingsAsset } from "@/lib/findings/list-findings";
import type { FindingsContext } from "@/lib/findings/org-scope";
import { findingsFilterSchema } from "@/lib/validation/findings";

/**
 * The open ports under the findings filter (the query string of /findings) as a streamed CSV or JSON
 * response: the findings export of the app (GET /api/orgs/<orgId>/findings/export) and of the REST API
 * (GET /api/v1/findings) are this one function over lib/findings' export stream.
 */
export async function findingsExportResponse(
  ctx: FindingsContext,
  searchParams: URLSearchParams,
  options: { defaultFormat: ExportFormat; attachment: boolean },
): Promise<Response> {
  const params = Object.fromEntries(searchParams);
  const format = params.format || options.defaultFormat;
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
      ...(options.attachment || format === "csv"
        ? { "Content-Disposition": `attachment; filename="portwatch-findings-${stamp}.${format}"` }
        : {}),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
