"use client";

import { useState, useTransition } from "react";
import { useQueryStates } from "nuqs";
import { X } from "lucide-react";
import { filterField, filterSubmit } from "@/components/filters/filter-styles";
import { SearchTextField } from "@/components/filters/search-text-field";
import { SEVERITY_LABEL } from "@/lib/findings/severity";
import { FINDING_SEVERITIES, type FindingSeverity } from "@/lib/validation/findings";
import { findingsUrlParsers } from "./findings-url-state";

/**
 * The filter bar. Every change is written to the URL (nuqs) and the server renders the new page of
 * results; any change returns to page 1. The URL is shareable as it is.
 */
export function FindingsFilters({
  services,
  asset,
}: {
  services: readonly string[];
  asset: { id: string; value: string } | null;
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(findingsUrlParsers, { shallow: false, history: "push", startTransition });
  const [text, setText] = useState(state.q ?? "");
  const [service, setService] = useState(state.service ?? "");

  const update = (values: Partial<{ [K in keyof typeof state]: (typeof state)[K] }>) =>
    void setState({ ...values, page: null });
  const severities = new Set(state.severity ?? []);
  const toggleSeverity = (s: FindingSeverity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    update({ severity: next.size ? FINDING_SEVERITIES.filter((x) => next.has(x)) : null });
  };
  const active =
    severities.size > 0 ||
    state.service ||
    state.asset ||
    state.protocol ||
    state.mismatch !== null ||
    state.pending !== null ||
    state.since ||
    state.q;

  return (
    <section
      aria-label="Filters"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-busy={pending}
    >
      <form
        role="search"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null, service: service.trim().toLowerCase() || null });
        }}
      >
        <SearchTextField
          label="Search"
          value={text}
          onValueChange={setText}
          placeholder="Host, asset, service, product, port…"
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
          Service (typical or detected)
          <input
            name="service"
            list="findings-services"
            value={service}
            onChange={(e) => setService(e.target.value)}
            placeholder="e.g. ssh"
            maxLength={64}
            className={`${filterField} w-44`}
          />
          <datalist id="findings-services">
            {services.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <button type="submit" className={filterSubmit}>
          Apply
        </button>
      </form>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <fieldset className="flex flex-wrap items-center gap-1">
          <legend className="sr-only">Severity</legend>
          <span aria-hidden className="mr-1 text-xs font-medium text-slate-700">
            Severity
          </span>
          {FINDING_SEVERITIES.map((s) => (
            <label key={s} className="cursor-pointer">
              <input
                type="checkbox"
                className="peer sr-only"
                checked={severities.has(s)}
                onChange={() => toggleSeverity(s)}
              />
              <span className="inline-block rounded-full border border-slate-300 px-2.5 py-1 text-xs text-slate-800 peer-checked:border-slate-900 peer-checked:bg-slate-900 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-blue-700">
                {SEVERITY_LABEL[s]}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1 text-xs font-medium text-slate-700">
          Protocol
          <select
            value={state.protocol ?? ""}
            onChange={(e) => update({ protocol: (e.target.value || null) as "tcp" | "udp" | null })}
            className={filterField}
          >
            <option value="">Any</option>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={state.mismatch === true}
            onChange={(e) => update({ mismatch: e.target.checked ? true : null })}
            className="size-4 accent-slate-900"
          />
          Typical ≠ detected
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={state.pending === true}
            onChange={(e) => update({ pending: e.target.checked ? true : null })}
            className="size-4 accent-slate-900"
          />
          Pending classification
        </label>
        <label className="flex items-center gap-1 text-xs font-medium text-slate-700">
          First seen since
          <input
            type="date"
            value={state.since ? state.since.toISOString().slice(0, 10) : ""}
            onChange={(e) => update({ since: e.target.value ? new Date(`${e.target.value}T00:00:00Z`) : null })}
            className={filterField}
          />
        </label>
      </div>

      {active && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          {asset && (
            <span className="inline-flex items-center gap-1 rounded-full bg-blue-50 px-2 py-1 text-blue-900 ring-1 ring-blue-200">
              Asset: <span className="font-mono">{asset.value}</span>
              <button
                type="button"
                onClick={() => update({ asset: null })}
                aria-label={`Remove the asset filter ${asset.value}`}
                className="rounded-full p-0.5 hover:bg-blue-100"
              >
                <X aria-hidden className="size-3" />
              </button>
            </span>
          )}
          <button
            type="button"
            onClick={() => {
              setText("");
              setService("");
              void setState({
                severity: null,
                service: null,
                asset: null,
                protocol: null,
                mismatch: null,
                pending: null,
                since: null,
                q: null,
                page: null,
              });
            }}
            className="rounded-md px-2 py-1 text-slate-700 underline underline-offset-2 hover:bg-slate-100"
          >
            Clear all filters
          </button>
          {pending && <span role="status">Updating…</span>}
        </div>
      )}
    </section>
  );
}
