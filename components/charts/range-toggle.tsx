"use client";

import { ToggleGroup } from "radix-ui";

/** Picks a chart's time window (30 / 90 / 365 days); arrow keys move between the options. */
export function RangeToggle<T extends number>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <ToggleGroup.Root
      type="single"
      value={String(value)}
      onValueChange={(v) => v && onChange(Number(v) as T)}
      aria-label={label}
      className="inline-flex rounded-md border border-slate-300 bg-white p-0.5"
    >
      {options.map((o) => (
        <ToggleGroup.Item
          key={o}
          value={String(o)}
          className="rounded px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 data-[state=on]:bg-slate-900 data-[state=on]:text-white"
        >
          {o} days
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
