import { db } from "@/lib/db/client";
import type { TlsInfo } from "@/lib/scanner";
import type { FindingsFilter } from "@/lib/validation/findings";
import type { FindingEvidence, FindingRow } from "./finding-row";
import { FINDING_COLUMNS, FINDING_FROM, findingsWhere } from "./findings-sql";
import type { FindingsContext } from "./org-scope";

export type ExportedFinding = FindingRow & FindingEvidence;

const BATCH = 2_000;

/**
 * Every open port under the filter, in keyset batches of 2,000 walked by id (each batch starts after the
 * last id of the one before, no OFFSET): memory stays flat whatever the size, no transaction is held open
 * between batches, and each batch is one indexed query of a few milliseconds. Ordered by id, i.e. roughly
 * by when the port was first stored.
 */
export async function* exportFindingBatches(
  ctx: FindingsContext,
  filter: FindingsFilter,
  batchSize = BATCH,
): AsyncGenerator<ExportedFinding[]> {
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<(FindingRow & { banner: string | null; tls: TlsInfo | null })[]>`
      SELECT ${FINDING_COLUMNS}, pi."banner", pi."tls" ${FINDING_FROM} ${findingsWhere(ctx, filter)} AND pi."id" > ${after}
      ORDER BY pi."id" ASC
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
