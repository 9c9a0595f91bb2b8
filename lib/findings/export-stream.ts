import type { FindingsFilter } from "@/lib/validation/findings";
import { exportFindingBatches } from "./export-findings";
import { csvHeader, csvLine, jsonRecord, type ExportFormat } from "./export-format";
import type { FindingsContext } from "./org-scope";

/**
 * The export as a byte stream that fetches the next batch only when the client has taken the last one
 * (pull-based backpressure): a slow download holds one batch in memory, never the whole export. A
 * client that goes away cancels the stream and no further batch is read.
 */
export function findingsExportStream(
  ctx: FindingsContext,
  filter: FindingsFilter,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const batches = exportFindingBatches(ctx, filter);
  const encoder = new TextEncoder();
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === "csv" ? csvHeader() : "["));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      let chunk = "";
      for (const finding of next.value) {
        if (format === "csv") chunk += csvLine(finding);
        else {
          chunk += `${first ? "\n" : ",\n"}${JSON.stringify(jsonRecord(finding))}`;
          first = false;
        }
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
