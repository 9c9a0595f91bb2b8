import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import type { Cursor } from "@/lib/validation/pagination";
import { storedService, type ExposureChangeDetails } from "./list-scan-exposure-changes";
import { protocolOfTransport } from "./observed-port-of-interval";

export interface FeedChange extends ExposureChangeDetails {
  assetValue: string;
  at: Date;
}

/**
 * Changes this recent are left for the next poll: a scan stores a host's changes in a transaction that
 * may commit a moment after a later one, and a feed read in between would step over them for good.
 */
export const FEED_SETTLE_MS = 10_000;

/**
 * The organisation's exposure changes (ports opened, closed, services changed), oldest first, after
 * the cursor: a feed a client polls, passing back the cursor of the last change it saw.
 */
export async function listExposureChangeFeed(
  ctx: OrgContext<"assets:read">,
  params: { after?: Cursor; limit: number; now?: Date },
): Promise<FeedChange[]> {
  const { after } = params;
  const settled = new Date((params.now ?? new Date()).getTime() - FEED_SETTLE_MS);
  const rows = await db.exposureChange.findMany({
    where: {
      ...inOrganization(ctx, "assets:read"),
      createdAt: { lte: settled },
      ...(after ? { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: params.limit,
    include: { asset: { select: { value: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    assetId: row.assetId,
    assetValue: row.asset.value,
    scanRunId: row.scanRunId,
    ip: row.hostIp,
    port: row.port,
    protocol: protocolOfTransport(row.protocol),
    kind: row.kind,
    before: storedService(row.before),
    after: storedService(row.after),
    detectedAt: row.createdAt.toISOString(),
    at: row.createdAt,
  }));
}
