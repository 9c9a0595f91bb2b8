import { z } from "zod";
import {
  pageDefaults,
  pageSizeParam,
  parseUrlParams,
  positiveInt,
  searchTextParam,
  urlValue,
  type SearchParams,
} from "./url-params";

/**
 * The /assets list's search, filter, sort and page, declared once for the page (from its URL) and
 * the query (lib/assets/list-asset-page.ts).
 * URL form: ?q=shop&status=ungraded&sort=grade&page=2&pageSize=100
 */
export const ASSET_STATUSES = ["graded", "ungraded", "verified", "unverified"] as const;
export const ASSET_SORTS = ["newest", "grade", "name", "lastScan"] as const;

export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type AssetSort = (typeof ASSET_SORTS)[number];

export const assetListQuerySchema = z.object({
  q: searchTextParam,
  status: urlValue.pipe(z.enum(ASSET_STATUSES, { error: `Status is one of ${ASSET_STATUSES.join(", ")}.` }).optional()),
  sort: urlValue.pipe(z.enum(ASSET_SORTS, { error: `Sort by one of ${ASSET_SORTS.join(", ")}.` }).optional()),
  page: positiveInt("Page", 100_000),
  pageSize: pageSizeParam,
});

/** A query with every default applied: newest first, page 1 of 50. */
export interface AssetListQuery {
  q?: string;
  status?: AssetStatus;
  sort: AssetSort;
  page: number;
  pageSize: number;
}

export function withAssetListDefaults(input: Partial<z.output<typeof assetListQuerySchema>>): AssetListQuery {
  return {
    ...(input.q !== undefined ? { q: input.q } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    sort: input.sort ?? "newest",
    ...pageDefaults(input),
  };
}

/** For the page: valid parameters apply, invalid ones are reported and ignored. */
export function parseAssetListSearchParams(params: SearchParams): {
  query: AssetListQuery;
  errors: { field: string; message: string }[];
} {
  return parseUrlParams(assetListQuerySchema, params, withAssetListDefaults);
}
