import { NextResponse } from "next/server";
import { readQuery } from "@/lib/api/read-input";
import { exposureChangeBody } from "@/lib/api/v1/serialize";
import { exposureChangesQuerySchema } from "@/lib/api/v1/schemas";
import { withApiKey } from "@/lib/api/with-api-key";
import { listExposureChangeFeed } from "@/lib/scan-runs/list-exposure-change-feed";
import { DEFAULT_PAGE_LIMIT, encodeCursor } from "@/lib/validation/pagination";

export const dynamic = "force-dynamic";

/**
 * Ports opened, closed and changed, oldest first, after the `since` cursor: poll it with the
 * `nextCursor` of the previous answer to see each change once.
 */
export const GET = withApiKey(
  async (req, ctx) => {
    const { since, limit = DEFAULT_PAGE_LIMIT } = readQuery(req, exposureChangesQuerySchema);
    const changes = await listExposureChangeFeed(ctx, { limit, ...(since ? { after: since } : {}) });
    const last = changes.at(-1);
    return NextResponse.json({
      data: changes.map(exposureChangeBody),
      nextCursor: last ? encodeCursor({ at: last.at, id: last.id }) : (req.nextUrl.searchParams.get("since") ?? null),
    });
  },
  { capability: "assets:read" },
);
