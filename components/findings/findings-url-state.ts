import {
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsIsoDate,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { FINDING_SEVERITIES, FINDING_SORTS, type FindingsFilter } from "@/lib/validation/findings";

/**
 * The findings filter as URL state (nuqs), written in the exact form lib/validation/findings.ts parses
 * on the server: the URL is the one source of truth, so a copied link shows the same list.
 */
export const findingsUrlParsers = {
  severity: parseAsArrayOf(parseAsStringLiteral(FINDING_SEVERITIES), ","),
  service: parseAsString,
  asset: parseAsString,
  protocol: parseAsStringLiteral(["tcp", "udp"] as const),
  mismatch: parseAsBoolean,
  pending: parseAsBoolean,
  since: parseAsIsoDate,
  q: parseAsString,
  sort: parseAsStringLiteral(FINDING_SORTS),
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  page: parseAsInteger,
  pageSize: parseAsInteger,
};

const serializeFilter = createSerializer(findingsUrlParsers);

/** The query string of a filter (for the export links), without sort and page. */
export function filterSearch(filter: FindingsFilter): string {
  return serializeFilter({
    severity: filter.severity ?? null,
    service: filter.service ?? null,
    asset: filter.asset ?? null,
    protocol: filter.protocol ?? null,
    mismatch: filter.mismatch ?? null,
    pending: filter.pending ?? null,
    since: filter.since ?? null,
    q: filter.q ?? null,
  });
}
