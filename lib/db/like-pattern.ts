/**
 * Text for a LIKE/ILIKE pattern that matches `text` literally: PostgreSQL's default escape character
 * (backslash) goes before `\`, `%` and `_`, so "100%" or "a_b" typed in a search box mean themselves.
 * Prisma's `contains` passes its value into LIKE unescaped, so it needs this too.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
