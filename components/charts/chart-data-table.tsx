"use client";

import { useState } from "react";

/**
 * The numbers behind a chart, as a table: for screen readers, keyboard users and anyone who wants the
 * exact figures. Collapsed by default under the chart, and built only once opened: a year of daily
 * rows on every chart would otherwise be most of the overview's HTML and of its render time.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-2 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer rounded text-slate-700 underline-offset-2 hover:underline">
        Show the data as a table
      </summary>
      {open && (
        <div className="mt-2 max-h-72 overflow-auto rounded border border-slate-200">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{caption}</caption>
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="px-2 py-1 font-medium text-slate-700">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className="px-2 py-2 text-slate-600">
                    No data yet.
                  </td>
                </tr>
              ) : (
                rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j} className="px-2 py-1 text-slate-800 tabular-nums">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
