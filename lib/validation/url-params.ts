import { z } from "zod";

/**
 * Building blocks of the list pages' URL state (/findings, /assets), declared once: how one query
 * parameter is read, how a page number and a page size are checked, and how a page keeps every valid
 * parameter of a link while reporting the invalid ones.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The page sizes a list offers; 50 is the default. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Page 1 of DEFAULT_PAGE_SIZE unless the URL says otherwise. */
export function pageDefaults(input: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: input.page ?? 1, pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE };
}

/** One URL value: a repeated parameter arrives as an array, a missing one as undefined, blank means unset. */
export const urlValue = z.preprocess((v) => {
  const one = Array.isArray(v) ? v.join(",") : v;
  return typeof one === "string" && one.trim() === "" ? undefined : one;
}, z.string().trim().optional());

/** A whole number from 1 to `max`, named `what` in its messages. */
export const positiveInt = (what: string, max: number) =>
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

/** One of PAGE_SIZES. */
export const pageSizeParam = urlValue.pipe(
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .refine(
      (n) => n === undefined || (PAGE_SIZES as readonly number[]).includes(n),
      `Page size is one of ${PAGE_SIZES.join(", ")}.`,
    ),
);

/** Free search text: at most 200 characters, no control characters. */
export const searchTextParam = urlValue.pipe(
  z
    .string()
    .max(200, "Search for at most 200 characters.")
    .regex(/^[^\p{Cc}]*$/u, "Search text cannot contain control characters.")
    .optional(),
);

/**
 * For pages: every valid parameter applies and each invalid one is reported (with its message) and
 * ignored, so one mistyped value in a shared link does not hide the whole list.
 */
export function parseUrlParams<S extends z.ZodType, Q>(
  schema: S,
  params: SearchParams,
  withDefaults: (input: Partial<z.output<S>>) => Q,
): { query: Q; errors: { field: string; message: string }[] } {
  const parsed = schema.safeParse(params);
  if (parsed.success) return { query: withDefaults(parsed.data), errors: [] };
  const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message }));
  const bad = new Set(errors.map((e) => e.field));
  const kept = Object.fromEntries(Object.entries(params).filter(([key]) => !bad.has(key)));
  const retry = schema.safeParse(kept);
  return { query: withDefaults(retry.success ? retry.data : {}), errors };
}
