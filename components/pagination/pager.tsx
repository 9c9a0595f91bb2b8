"use client";

import { useTransition } from "react";
import { parseAsInteger, useQueryStates } from "nuqs";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/validation/url-params";

/** The only URL keys the pager writes; every other parameter of the list (filters, sort) is kept as it is. */
const pageParsers = { page: parseAsInteger, pageSize: parseAsInteger };

const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-blue-700";

/**
 * Server-side pagination of a list page (/findings, /assets): page and page size live in the URL, the
 * server renders the page. `exact` false means there are more than `total` items (a count that stops
 * early on large organisations): "of more than 10,000", and Next stays on. `noun` names the items
 * ("Showing 51–100 of 5,000 assets").
 */
export function Pager({
  page,
  pageSize,
  total,
  noun,
  exact = true,
}: {
  page: number;
  pageSize: number;
  total: number;
  noun: { one: string; other: string };
  exact?: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(pageParsers, {
    shallow: false,
    history: "push",
    startTransition,
    scroll: true,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const fmt = new Intl.NumberFormat("en");
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p role="status" aria-live="polite">
        {total === 0
          ? `No ${noun.other}`
          : `Showing ${fmt.format(from)}–${fmt.format(to)} of ${exact ? "" : "more than "}${fmt.format(total)} ${total === 1 && exact ? noun.one : noun.other}`}
        {pending && " · loading…"}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1 text-xs">
          Per page
          <select
            value={pageSize}
            onChange={(e) =>
              void setUrl({
                pageSize: Number(e.target.value) === DEFAULT_PAGE_SIZE ? null : Number(e.target.value),
                page: null,
              })
            }
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={button}
          disabled={page <= 1}
          onClick={() => void setUrl({ page: page - 1 === 1 ? null : page - 1 })}
        >
          Previous
        </button>
        <span className="tabular-nums">
          Page {fmt.format(page)} of {exact ? fmt.format(pages) : `more than ${fmt.format(pages)}`}
        </span>
        <button
          type="button"
          className={button}
          disabled={exact && page >= pages}
          onClick={() => void setUrl({ page: page + 1 })}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
