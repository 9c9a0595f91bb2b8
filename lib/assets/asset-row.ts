import type { ScanProgressSummary } from "@/lib/scan-runs/get-scan-run-progress";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssetKind } from "@/lib/generated/prisma/enums";

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
  latestScan: ScanProgressSummary | null;
}

/** The Prisma `select` of one listed asset (all but its latest scan, which withLatestScans adds). */
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
} satisfies Prisma.AssetSelect;
