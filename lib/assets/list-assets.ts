import { db } from "@/lib/db/client";
import type { AssetKind, ScanStatus } from "@/lib/generated/prisma/enums";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import type { Cursor } from "@/lib/validation/pagination";

export interface AssetRow {
  id: string;
  kind: AssetKind;
  value: string;
  label: string | null;
  createdAt: Date;
  lastScanAt: Date | null;
  nextScanAt: Date | null;
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  /** Proof of ownership (lib/asset-verification). */
  verifiedAt: Date | null;
  verificationMethod: string | null;
  verificationCheckedAt: Date | null;
  verificationError: string | null;
  /** The secret the proof must hold; pages show it to admins and owners only. Null for assets added before verification existed. */
  verificationToken: string | null;
  /** The most recent scan run, for its status and live progress. */
  latestScan: {
    id: string;
    status: ScanStatus;
    hostsDone: number;
    hostsTotal: number;
    portsFound: number;
    error: string | null;
  } | null;
}

/**
 * The organisation's monitored assets (not deleted), newest first; any member may list them. The API
 * reads them a page at a time (`after` the cursor of the last row it returned) or one by id.
 */
export async function listAssets(
  ctx: OrgContext<"assets:read">,
  options: { assetId?: string; after?: Cursor; limit?: number } = {},
): Promise<AssetRow[]> {
  const { after } = options;
  const rows = await db.asset.findMany({
    where: {
      deletedAt: null,
      ...inOrganization(ctx, "assets:read"),
      ...(options.assetId !== undefined ? { id: options.assetId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    select: {
      id: true,
      kind: true,
      value: true,
      label: true,
      createdAt: true,
      lastScanAt: true,
      nextScanAt: true,
      grade: true,
      score: true,
      gradedAt: true,
      verifiedAt: true,
      verificationMethod: true,
      verificationCheckedAt: true,
      verificationError: true,
      verificationToken: true,
      scanRuns: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, status: true, hostsDone: true, hostsTotal: true, portsFound: true, error: true },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(options.limit !== undefined ? { take: options.limit } : {}),
  });
  return rows.map(({ scanRuns, ...asset }) => ({ ...asset, latestScan: scanRuns[0] ?? null }));
}
