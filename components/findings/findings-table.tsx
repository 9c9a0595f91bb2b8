"use client";

import { Fragment, useTransition } from "react";
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import { Filter } from "lucide-react";
import { useQueryStates } from "nuqs";
import type { FindingRow } from "@/lib/findings/finding-row";
import type { FindingSort } from "@/lib/validation/findings";
import { AssetLink } from "@/components/assets/asset-link";
import { LocalTime } from "@/components/ui/local-time";
import { ExpandCell, SortableTh, useExpandedRows } from "@/components/tables/table-parts";
import { formatPoints } from "./format-points";
import { findingsUrlParsers } from "./findings-url-state";
import { RemediationPanel } from "./remediation-panel";
import { SeverityBadge } from "./severity-badge";
import { DetectedService, TypicalService } from "./service-cells";

const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, FindingRow>();

/** Columns the server can sort by carry the sort key as their id. */
const columns = column.columns([
  column.accessor("severity", {
    id: "severity",
    header: "Severity",
    cell: (c) => <SeverityBadge severity={c.row.original.severity} />,
  }),
  column.accessor("assetValue", {
    id: "asset",
    header: "Asset",
    cell: (c) => (
      <AssetLink
        id={c.row.original.assetId}
        value={c.row.original.assetValue}
        // Wide enough for most domains on one line; longer ones wrap at a dash, and anywhere only as a last resort.
        className="inline-block min-w-44 [overflow-wrap:anywhere]"
      />
    ),
  }),
  column.accessor("ip", {
    id: "host",
    header: "Host",
    cell: (c) => (
      <span className="font-mono">
        <span className="whitespace-nowrap">{c.row.original.ip}</span>
        {c.row.original.hostname !== c.row.original.ip && (
          <span className="block min-w-44 text-xs [overflow-wrap:anywhere] text-slate-600">
            {c.row.original.hostname}
          </span>
        )}
      </span>
    ),
  }),
  column.accessor("port", {
    id: "port",
    header: "Port/protocol",
    cell: (c) => (
      <span className="font-mono font-medium whitespace-nowrap">
        {c.row.original.port}/{c.row.original.protocol}
      </span>
    ),
  }),
  column.accessor("typicalService", {
    id: "typical",
    header: "Typical service",
    enableSorting: false,
    cell: (c) => (
      <TypicalService typical={c.row.original.typicalService} pending={c.row.original.pendingClassification} />
    ),
  }),
  column.accessor("detectedService", {
    id: "service",
    header: "Detected service",
    cell: (c) => (
      <DetectedService
        typical={c.row.original.typicalService}
        detected={c.row.original.detectedService}
        product={c.row.original.product}
        version={c.row.original.version}
      />
    ),
  }),
  column.accessor("contribution", {
    id: "contribution",
    header: "Contribution",
    cell: (c) => {
      const n = c.row.original.contribution;
      return (
        <span className="tabular-nums">
          {n === null ? "—" : n === 0 ? "0" : `−${formatPoints(Math.round(n * 100) / 100)}`}
        </span>
      );
    },
  }),
  column.accessor("firstSeenAt", {
    id: "firstSeen",
    header: "First seen",
    cell: (c) => <LocalTime value={c.row.original.firstSeenAt} />,
  }),
  column.accessor("lastSeenAt", {
    id: "lastSeen",
    header: "Last seen",
    cell: (c) => <LocalTime value={c.row.original.lastSeenAt} />,
  }),
]);

/**
 * One page of findings. Sorting happens on the server: a header click writes sort and direction to
 * the URL. Each row opens the remediation guidance for its service beside it.
 */
export function FindingsTable({ rows, sort, dir }: { rows: FindingRow[]; sort: FindingSort; dir: "asc" | "desc" }) {
  const [, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(findingsUrlParsers, { shallow: false, history: "push", startTransition });
  const panels = useExpandedRows();
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useTable({
    features,
    data: rows,
    columns,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) void setUrl({ sort: first.id as FindingSort, dir: first.desc ? "desc" : "asc", page: null });
    },
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Open ports matching the filters; sort with the column buttons; each row opens its remediation guidance
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-700 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" className="w-8 px-2 py-2">
                <span className="sr-only">Guidance</span>
              </th>
              {group.headers.map((header) => (
                <SortableTh
                  key={header.id}
                  sorted={header.column.getIsSorted()}
                  onToggle={header.column.getCanSort() ? header.column.getToggleSortingHandler() : undefined}
                >
                  <table.FlexRender header={header} />
                </SortableTh>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => {
            const f = row.original;
            const expanded = panels.isOpen(f.id);
            const panelId = `guidance-${f.id}`;
            return (
              <Fragment key={row.id}>
                <tr className="align-top" data-testid="finding-row">
                  <ExpandCell
                    expanded={expanded}
                    controls={panelId}
                    label={`Remediation for ${f.ip} port ${f.port}/${f.protocol}`}
                    onToggle={() => panels.toggle(f.id)}
                  />
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-2 py-2">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {expanded && (
                  <tr id={panelId}>
                    <td colSpan={columns.length + 1} className="bg-slate-50 px-4 py-3">
                      <RemediationPanel ruleId={f.ruleId} host={f.ip} port={f.port} protocol={f.protocol} />
                      <button
                        type="button"
                        onClick={() => void setUrl({ asset: f.assetId, page: null })}
                        className="mt-3 inline-flex items-center gap-1 text-xs text-blue-800 underline underline-offset-2"
                      >
                        <Filter aria-hidden className="size-3" /> Show only {f.assetValue}
                      </button>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
