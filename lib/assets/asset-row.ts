import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetKind, ScanStatus } from "@/lib/generated/prisma/enums";

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

/** The Prisma `select` of one listed asset, shared by the API's list (listAssets) and the page's (listAssetPage). */
export const ASSET_ROW_SELECT = {
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
} satisfies Prisma.AssetSelect;

type SelectedAsset = Omit<AssetRow, "latestScan"> & { scanRuns: NonNullable<AssetRow["latestScan"]>[] };

export function toAssetRow({ scanRuns, ...asset }: SelectedAsset): AssetRow {
  return { ...asset, latestScan: scanRuns[0] ?? null };
}
