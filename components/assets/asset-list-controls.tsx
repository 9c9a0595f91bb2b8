"use client";

import { useState, useTransition } from "react";
import { useQueryStates } from "nuqs";
import { filterField, filterSubmit } from "@/components/filters/filter-styles";
import { SearchTextField } from "@/components/filters/search-text-field";
import { ASSET_SORTS, ASSET_STATUSES, type AssetSort, type AssetStatus } from "@/lib/validation/asset-list";
import { ASSET_SORT_LABEL, ASSET_STATUS_LABEL, assetListUrlParsers } from "./asset-list-url-state";

/**
 * Search, status filter and sort of the assets list. Every change is written to the URL (nuqs), the
 * server renders the matching page, and any change returns to page 1. The fields show what the server
 * read from the URL (its props), so a plain link such as "Clear search" resets them too.
 */
export function AssetListControls({ q, status, sort }: { q?: string; status?: AssetStatus; sort: AssetSort }) {
  const [pending, startTransition] = useTransition();
  const [, setState] = useQueryStates(assetListUrlParsers, { shallow: false, history: "push", startTransition });
  const [text, setText] = useState(q ?? "");
  const update = (values: Parameters<typeof setState>[0]) => void setState({ ...values, page: null });
  const filtered = q !== undefined || status !== undefined;

  return (
    <section
      aria-label="Search and sort assets"
      aria-busy={pending}
      className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <form
        role="search"
        className="flex min-w-64 flex-1 items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <SearchTextField
          label="Search assets"
          value={text}
          onValueChange={setText}
          placeholder="Domain, IP address or label"
        />
        <button type="submit" className={filterSubmit}>
          Search
        </button>
      </form>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        Status
        <select
          value={status ?? ""}
          onChange={(e) => update({ status: (e.target.value || null) as AssetStatus | null })}
          className={filterField}
        >
          <option value="">All assets</option>
          {ASSET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ASSET_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        Sort
        <select
          value={sort}
          onChange={(e) => update({ sort: e.target.value === "newest" ? null : (e.target.value as AssetSort) })}
          className={filterField}
        >
          {ASSET_SORTS.map((s) => (
            <option key={s} value={s}>
              {ASSET_SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button
          type="button"
          onClick={() => {
            setText("");
            update({ q: null, status: null });
          }}
          className="rounded-md px-2 py-1.5 text-xs text-slate-700 underline underline-offset-2 hover:bg-slate-100"
        >
          Show all assets
        </button>
      )}
      {pending && (
        <span role="status" className="text-xs text-slate-600">
          Updating…
        </span>
      )}
    </section>
  );
}
