import { z } from "zod";

/**
 * Cursor pagination of the REST API, declared once. A cursor is opaque to clients: base64url of the
 * last row's time and id, so a page boundary stays put when rows are added or deleted meanwhile.
 */
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

const CURSOR_MESSAGE = "That cursor is not valid: pass back the nextCursor of an earlier response.";

export const cursorSchema = z
  .string({ error: CURSOR_MESSAGE })
  .max(200, CURSOR_MESSAGE)
  .transform((raw, ctx): Cursor => {
    const [iso, id, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
    const at = new Date(iso ?? "");
    if (rest.length > 0 || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return { at, id };
  })
  .meta({ description: "The `nextCursor` of the previous page.", example: "MjAyNi0xMS0yOFQxMjowMDowMC4wMDBafGNrMTIz" });

export const MAX_PAGE_LIMIT = 200;

export const pageLimitSchema = z
  .string({ error: `The limit is a whole number from 1 to ${MAX_PAGE_LIMIT}.` })
  .regex(/^\d{1,4}$/, `The limit is a whole number from 1 to ${MAX_PAGE_LIMIT}.`)
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, `The limit is a whole number from 1 to ${MAX_PAGE_LIMIT}.`)
      .max(MAX_PAGE_LIMIT, `The limit is a whole number from 1 to ${MAX_PAGE_LIMIT}.`),
  )
  .meta({ description: `Items per page, 1–${MAX_PAGE_LIMIT} (default 50).`, example: "50" });

/** `?cursor=…&limit=…` of a list endpoint. */
export const pageQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema.optional(),
});

export const DEFAULT_PAGE_LIMIT = 50;
