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
 * The findings filter, sort and page, declared once: the /findings page reads it from the URL, the
 * export route from its query string, and the REST API and reports will take the same object.
 * URL form: ?severity=critical,high&service=ssh&asset=<id>&protocol=tcp&mismatch=true&pending=true
 *           &since=2026-11-01&q=text&sort=severity&dir=desc&page=2&pageSize=50
 */
export const FINDING_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const FINDING_SORTS = [
  "severity",
  "contribution",
  "asset",
  "host",
  "port",
  "service",
  "firstSeen",
  "lastSeen",
] as const;

export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type FindingSort = (typeof FINDING_SORTS)[number];

const flag = (what: string) =>
  urlValue.pipe(
    z
      .enum(["true", "false", "1", "0"], { error: `${what} is true or false.` })
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  );

export const findingsFilterSchema = z.object({
  severity: urlValue.pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const parts = [
          ...new Set(
            v
              .split(",")
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean),
          ),
        ];
        const wrong = parts.filter((s) => !(FINDING_SEVERITIES as readonly string[]).includes(s));
        if (wrong.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `Severity must be one of ${FINDING_SEVERITIES.join(", ")} (got "${wrong.join(", ")}").`,
          });
          return z.NEVER;
        }
        return parts as FindingSeverity[];
      }),
  ),
  service: urlValue.pipe(
    z
      .string()
      .max(64, "A service name has at most 64 characters.")
      .regex(
        /^[a-z0-9][a-z0-9._+*/-]*$/i,
        "A service name uses letters, digits, dots, dashes and slashes, like ssh or ms-wbt-server.",
      )
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  asset: urlValue.pipe(
    z
      .string()
      .max(64, "That asset id is not valid.")
      .regex(/^[A-Za-z0-9_-]+$/, "That asset id is not valid.")
      .optional(),
  ),
  protocol: urlValue.pipe(
    z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(["tcp", "udp"], { error: "Protocol is tcp or udp." }))
      .optional(),
  ),
  mismatch: flag("“Typical ≠ detected”"),
  pending: flag("“Pending classification”"),
  since: urlValue.pipe(
    z.iso
      .date({ error: "“First seen since” is a date like 2026-11-01." })
      .transform((d) => new Date(`${d}T00:00:00.000Z`))
      .optional(),
  ),
  q: searchTextParam,
});

export const findingsQuerySchema = findingsFilterSchema.extend({
  sort: urlValue.pipe(z.enum(FINDING_SORTS, { error: `Sort by one of ${FINDING_SORTS.join(", ")}.` }).optional()),
  dir: urlValue.pipe(z.enum(["asc", "desc"], { error: "Direction is asc or desc." }).optional()),
  page: positiveInt("Page", 100_000),
  pageSize: pageSizeParam,
});

export type FindingsFilter = Partial<z.output<typeof findingsFilterSchema>>;
export type FindingsQueryInput = z.output<typeof findingsQuerySchema>;

/** A query with every default applied. */
export type FindingsQuery = Partial<FindingsFilter> & {
  sort: FindingSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export function withFindingsDefaults(input: Partial<FindingsQueryInput>): FindingsQuery {
  return {
    ...input,
    sort: input.sort ?? "severity",
    dir: input.dir ?? "desc",
    ...pageDefaults(input),
  };
}

/** For pages: valid parameters apply, invalid ones are reported and ignored (lib/validation/url-params.ts). */
export function parseFindingsSearchParams(params: SearchParams): {
  query: FindingsQuery;
  errors: { field: string; message: string }[];
} {
  return parseUrlParams(findingsQuerySchema, params, withFindingsDefaults);
}
