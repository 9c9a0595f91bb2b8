import { z } from "zod";

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
export const FINDING_PAGE_SIZES = [25, 50, 100] as const;

export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type FindingSort = (typeof FINDING_SORTS)[number];

/** One URL value: a repeated parameter arrives as an array, a missing one as undefined, blank means unset. */
const urlValue = z.preprocess((v) => {
  const one = Array.isArray(v) ? v.join(",") : v;
  return typeof one === "string" && one.trim() === "" ? undefined : one;
}, z.string().trim().optional());

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
  q: urlValue.pipe(
    z
      .string()
      .max(200, "Search for at most 200 characters.")
      .regex(/^[^\p{Cc}]*$/u, "Search text cannot contain control characters.")
      .optional(),
  ),
});

const positiveInt = (what: string, max: number) =>
  urlValue.pipe(
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(
        z
          .number({ error: `${what} must be a whole number.` })
          .int(`${what} must be a whole number.`)
          .min(1, `${what} starts at 1.`)
          .max(max, `${what} is at most ${max}.`)
          .optional(),
      ),
  );

export const findingsQuerySchema = findingsFilterSchema.extend({
  sort: urlValue.pipe(z.enum(FINDING_SORTS, { error: `Sort by one of ${FINDING_SORTS.join(", ")}.` }).optional()),
  dir: urlValue.pipe(z.enum(["asc", "desc"], { error: "Direction is asc or desc." }).optional()),
  page: positiveInt("Page", 100_000),
  pageSize: urlValue.pipe(
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .refine(
        (n) => n === undefined || (FINDING_PAGE_SIZES as readonly number[]).includes(n),
        `Page size is one of ${FINDING_PAGE_SIZES.join(", ")}.`,
      ),
  ),
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
    page: input.page ?? 1,
    pageSize: input.pageSize ?? 50,
  };
}

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * For pages: every valid parameter applies and each invalid one is reported (with its message) and
 * ignored, so one mistyped value in a shared link does not hide the whole list.
 */
export function parseFindingsSearchParams(params: SearchParams): {
  query: FindingsQuery;
  errors: { field: string; message: string }[];
} {
  const parsed = findingsQuerySchema.safeParse(params);
  if (parsed.success) return { query: withFindingsDefaults(parsed.data), errors: [] };
  const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message }));
  const bad = new Set(errors.map((e) => e.field));
  const kept = Object.fromEntries(Object.entries(params).filter(([key]) => !bad.has(key)));
  const retry = findingsQuerySchema.safeParse(kept);
  return { query: withFindingsDefaults(retry.success ? retry.data : {}), errors };
}
