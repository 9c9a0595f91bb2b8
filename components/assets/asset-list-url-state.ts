import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { ASSET_SORTS, ASSET_STATUSES, type AssetSort, type AssetStatus } from "@/lib/validation/asset-list";

/**
 * The /assets list's search, filter, sort and page as URL state (nuqs), in the exact form
 * lib/validation/asset-list.ts parses on the server: a copied link shows the same page.
 */
export const assetListUrlParsers = {
  q: parseAsString,
  status: parseAsStringLiteral(ASSET_STATUSES),
  sort: parseAsStringLiteral(ASSET_SORTS),
  page: parseAsInteger,
  pageSize: parseAsInteger,
};

export const ASSET_STATUS_LABEL: Record<AssetStatus, string> = {
  graded: "Graded",
  ungraded: "Not graded",
  verified: "Ownership verified",
  unverified: "Ownership not verified",
};

export const ASSET_SORT_LABEL: Record<AssetSort, string> = {
  newest: "Newest first",
  grade: "Worst grade first",
  name: "Name (A–Z)",
  lastScan: "Most recently scanned",
};
