import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A column of a bulk insert: its name and the PostgreSQL type its text is cast to. */
export type ColumnSpec = readonly [name: string, type: string];
export type Cell = string | number | boolean | null | Date | object;

/**
 * Inserts rows in batches with one `INSERT … SELECT FROM unnest(…)` per batch: every value is a bound
 * parameter (text arrays cast per column), so 10,000 rows cost one round trip on PostgreSQL and PGlite.
 */
export async function insertRows(
  db: PrismaClient,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly Cell[])[],
  batchSize = 5_000,
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const selects = columns.map(([, type], i) => `c${i}::${type}`).join(", ");
  const unnests = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnests}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((_, c) => batch.map((row) => toText(row[c] ?? null)));
    await db.$executeRawUnsafe(sql, ...arrays);
  }
}

function toText(value: Cell): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
