"use client";

import { Search } from "lucide-react";
import { filterField } from "./filter-styles";

/**
 * The free-text box of a list's filter bar, written as `q` (at most 200 characters, as
 * lib/validation/url-params.ts accepts). The form around it writes the text to the URL on submit.
 */
export function SearchTextField({
  label,
  value,
  onValueChange,
  placeholder,
}: {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium text-slate-700">
      {label}
      <span className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" />
        <input
          type="search"
          name="q"
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          placeholder={placeholder}
          maxLength={200}
          className={`${filterField} w-full pl-8`}
        />
      </span>
    </label>
  );
}
