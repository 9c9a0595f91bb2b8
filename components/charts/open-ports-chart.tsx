"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Severity } from "@/lib/grading";
import { SEVERITIES, SEVERITY_LABEL } from "@/lib/findings/severity";
import { SEVERITY_COLOUR } from "@/components/findings/severity-style";
import { ChartDataTable } from "./chart-data-table";
import { DAY_MS, isoDay, shortDay } from "./format";
import { RangeToggle } from "./range-toggle";

export type OpenPortsDay = { day: number } & Record<Severity | "ungraded", number>;

const SERIES = [...SEVERITIES, "ungraded"] as const;
const LABEL: Record<(typeof SERIES)[number], string> = { ...SEVERITY_LABEL, ungraded: "Not graded" };

const RANGES = [30, 90] as const;

/** Open ports per day, stacked by severity (worst at the bottom). */
export function OpenPortsChart({ points, today }: { points: OpenPortsDay[]; today: number }) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const since = today - (range - 1) * DAY_MS;
  const shown = points.filter((p) => p.day >= since);
  const empty = shown.every((p) => SERIES.every((s) => p[s] === 0));
  const title = "Open ports by severity";
  return (
    <figure aria-label={title}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <figcaption className="text-sm font-medium text-slate-900">{title}</figcaption>
        <RangeToggle value={range} options={RANGES} onChange={setRange} label={`${title}: time range`} />
      </div>
      {empty ? (
        <p className="flex h-56 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600">
          No open ports graded in this period.
        </p>
      ) : (
        <div className="h-56" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={shown} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
              <Tooltip labelFormatter={(d) => isoDay(Number(d))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {SERIES.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  name={LABEL[s]}
                  stackId="ports"
                  fill={SEVERITY_COLOUR[s]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartDataTable
        caption={title}
        columns={["Day (UTC)", ...SERIES.map((s) => LABEL[s]), "Total"]}
        rows={shown.map((p) => [isoDay(p.day), ...SERIES.map((s) => p[s]), SERIES.reduce((n, s) => n + p[s], 0)])}
      />
    </figure>
  );
}
