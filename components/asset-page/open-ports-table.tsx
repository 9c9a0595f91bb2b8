"use client";

import { Fragment, useState } from "react";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";
import type { OpenPortRow } from "@/lib/asset-page/open-ports";
import { severityRank } from "@/lib/findings/severity";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { DetectedService, TypicalService } from "@/components/findings/service-cells";
import { LocalTime } from "@/components/ui/local-time";
import { formatPoints } from "@/components/findings/format-points";
import { ExpandCell, SortableTh, useExpandedRows } from "@/components/tables/table-parts";
import { EvidencePanel } from "./evidence-panel";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
});
const column = createColumnHelper<typeof features, OpenPortRow>();

export function portAnchor(p: Pick<OpenPortRow, "ip" | "port" | "protocol">): string {
  return `port-${p.ip}-${p.port}-${p.protocol}`;
}

function formatContribution(n: number | null): string {
  if (n === null) return "—";
  if (n === 0) return "0";
  return `−${formatPoints(n)}`;
}

const columns = column.columns([
  column.accessor("ip", {
    header: "Host",
    cell: (c) => (
      <span className="font-mono">
        {c.getValue()}
        {c.row.original.hostname !== c.getValue() && (
          <span className="block text-xs text-slate-600">{c.row.original.hostname}</span>
        )}
      </span>
    ),
  }),
  column.accessor((r) => r.port * 2 + (r.protocol === "udp" ? 1 : 0), {
    id: "port",
    header: "Port/protocol",
    cell: (c) => (
      <span className="font-mono font-medium">
        {c.row.original.port}/{c.row.original.protocol}
      </span>
    ),
  }),
  column.accessor((r) => r.typicalService ?? "", {
    id: "typical",
    header: "Typical service",
    cell: (c) => (
      <TypicalService typical={c.row.original.typicalService} pending={c.row.original.pendingClassification} />
    ),
  }),
  column.accessor((r) => r.detectedService ?? "", {
    id: "detected",
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
  column.accessor((r) => (r.severity ? severityRank(r.severity) : 9), {
    id: "severity",
    header: "Severity",
    sortDescFirst: false,
    cell: (c) => <SeverityBadge severity={c.row.original.severity} />,
  }),
  column.accessor((r) => r.contribution ?? -1, {
    id: "contribution",
    header: "Contribution",
    sortDescFirst: true,
    cell: (c) => <span className="tabular-nums">{formatContribution(c.row.original.contribution)}</span>,
  }),
  column.accessor((r) => r.firstSeenAt.getTime(), {
    id: "firstSeen",
    header: "First seen",
    cell: (c) => <LocalTime value={c.row.original.firstSeenAt} />,
  }),
  column.accessor((r) => r.lastSeenAt.getTime(), {
    id: "lastSeen",
    header: "Last seen",
    cell: (c) => <LocalTime value={c.row.original.lastSeenAt} />,
  }),
]);

/**
 * The asset's open ports, sortable by any column (worst severity first by default). Each row opens
 * its evidence panel below it.
 */
export function OpenPortsTable({ ports }: { ports: OpenPortRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "severity", desc: false }]);
  const panels = useExpandedRows();
  const table = useTable({ features, data: ports, columns, state: { sorting }, onSortingChange: setSorting });

  if (ports.length === 0)
    return <p className="text-sm text-slate-700">No open ports: the last scan found nothing reachable.</p>;

  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Open ports, sortable; each row has an evidence panel</caption>
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" className="w-8 px-2 py-2">
                <span className="sr-only">Evidence</span>
              </th>
              {group.headers.map((header) => (
                <SortableTh
                  key={header.id}
                  sorted={header.column.getIsSorted()}
                  onToggle={header.column.getToggleSortingHandler()}
                >
                  <table.FlexRender header={header} />
                </SortableTh>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => {
            const p = row.original;
            const expanded = panels.isOpen(p.id);
            const panelId = `evidence-${p.id}`;
            return (
              <Fragment key={row.id}>
                <tr id={portAnchor(p)} className="scroll-mt-20 align-top target:bg-amber-50">
                  <ExpandCell
                    expanded={expanded}
                    controls={panelId}
                    label={`Evidence for ${p.ip} port ${p.port}/${p.protocol}`}
                    onToggle={() => panels.toggle(p.id)}
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
                      <EvidencePanel port={p} />
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
