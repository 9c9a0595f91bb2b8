"use client";

import { useState, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight } from "lucide-react";

const FOCUS = "focus-visible:outline-2 focus-visible:outline-blue-700";

/** Which rows have their detail panel open, by row id. */
export function useExpandedRows() {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { isOpen: (id: string) => open.has(id), toggle };
}

/**
 * A column header that sorts when its button is pressed, announcing the current order (aria-sort).
 * `children` is the header's label (TanStack's FlexRender); without `onToggle` it is a plain header.
 */
export function SortableTh({
  sorted,
  onToggle,
  children,
}: {
  sorted: false | "asc" | "desc";
  onToggle?: (event: unknown) => void;
  children: ReactNode;
}) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th
      scope="col"
      className="px-2 py-2 whitespace-nowrap"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : onToggle ? "none" : undefined}
    >
      {onToggle ? (
        <button
          type="button"
          onClick={onToggle}
          className={`inline-flex items-center gap-1 rounded uppercase hover:text-slate-950 ${FOCUS}`}
        >
          {children}
          <Icon aria-hidden="true" className="size-3" />
        </button>
      ) : (
        children
      )}
    </th>
  );
}

/** The first cell of an expandable row: a button that opens the row's panel (`controls`) below it. */
export function ExpandCell({
  expanded,
  controls,
  label,
  onToggle,
}: {
  expanded: boolean;
  controls: string;
  label: string;
  onToggle: () => void;
}) {
  return (
    <td className="px-2 py-2">
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={expanded}
        aria-controls={controls}
        aria-label={label}
        className={`rounded p-0.5 text-slate-700 hover:bg-slate-100 ${FOCUS}`}
      >
        {expanded ? (
          <ChevronDown aria-hidden="true" className="size-4" />
        ) : (
          <ChevronRight aria-hidden="true" className="size-4" />
        )}
      </button>
    </td>
  );
}
