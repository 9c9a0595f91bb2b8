import { NextResponse, type NextRequest } from "next/server";
import type { OrgContext } from "@/lib/authz/org-context";
import { notFound } from "@/lib/errors";
import { listGradeHistory } from "@/lib/grade-snapshots/list-grade-history";
import { DEFAULT_PAGE_LIMIT, pageQuerySchema } from "@/lib/validation/pagination";
import { readQuery } from "../read-input";
import { gradePointBody, nextCursorOf } from "./serialize";

/** GET /api/v1/grades and /api/v1/assets/{id}/grades: one page of grade history, newest first. */
export async function gradeHistoryResponse(
  req: NextRequest,
  ctx: OrgContext<"assets:read">,
  assetId: string | null,
): Promise<Response> {
  const { cursor, limit = DEFAULT_PAGE_LIMIT } = readQuery(req, pageQuerySchema);
  const points = await listGradeHistory(ctx, { assetId, limit, ...(cursor ? { after: cursor } : {}) });
  if (!points) throw notFound("Asset");
  return NextResponse.json({
    data: points.map(gradePointBody),
    nextCursor: nextCursorOf(points, limit, (p) => ({ at: p.gradedAt, id: p.id })),
  });
}
