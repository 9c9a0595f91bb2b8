import { gradeHistoryResponse } from "@/lib/api/v1/grade-history-response";
import { withApiKey } from "@/lib/api/with-api-key";

export const dynamic = "force-dynamic";

/** The organisation's grade history, newest first, each point with its grading method version. */
export const GET = withApiKey(async (req, ctx) => gradeHistoryResponse(req, ctx, null), {
  capability: "assets:read",
});
