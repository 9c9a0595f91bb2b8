"use client";

import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "./chart-data-table";
import { DAY_MS, dayTicks, isoDay, shortDay } from "./format";
import { RangeToggle } from "./range-toggle";

export interface ScoreTrendPoint {
  day: number;
  score: number;
  grade: string;
}

const RANGES = [30, 90, 365] as const;

/**
 * A score over time, held flat between grades (step line) and extended to today. `points` cover the
 * longest range; the toggle narrows the window in the browser.
 */
export function ScoreTrendChart({
  points,
  today,
  title,
  defaultRange = 90,
}: {
  points: ScoreTrendPoint[];
  today: number;
  title: string;
  defaultRange?: (typeof RANGES)[number];
}) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(defaultRange);
  const since = today - (range - 1) * DAY_MS;
  const inRange = points.filter((p) => p.day >= since);
  const before = points.filter((p) => p.day < since).at(-1);
  const shown = [...(before ? [{ ...before, day: since }] : []), ...inRange];
  const last = shown.at(-1);
  if (last && last.day < today) shown.push({ ...last, day: today });

  return (
    <figure aria-label={title}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <figcaption className="text-sm font-medium text-slate-900">{title}</figcaption>
        <RangeToggle value={range} options={RANGES} onChange={setRange} label={`${title}: time range`} />
      </div>
      {shown.length === 0 ? (
        <p className="flex h-48 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600">
          No grades in this period yet.
        </p>
      ) : (
        <div className="h-48" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={shown} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis
                dataKey="day"
                type="number"
                scale="time"
                domain={[since, today]}
                ticks={dayTicks(since, today)}
                tickFormatter={shortDay}
                tick={{ fontSize: 11, fill: "#475569" }}
              />
              <YAxis domain={[0, 100]} ticks={[0, 60, 70, 80, 90, 100]} tick={{ fontSize: 11, fill: "#475569" }} />
              {[90, 80, 70, 60].map((y) => (
                <ReferenceLine key={y} y={y} stroke="#cbd5e1" strokeDasharray="3 3" />
              ))}
              <Tooltip
                labelFormatter={(d) => isoDay(Number(d))}
                formatter={(v, _n, item) => [`${v} (${(item.payload as ScoreTrendPoint).grade})`, "Score"]}
              />
              <Line
                type="stepAfter"
                dataKey="score"
                name="Score"
                stroke="#1e40af"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartDataTable
        caption={title}
        columns={["Day (UTC)", "Score", "Grade"]}
        rows={inRange.map((p) => [isoDay(p.day), p.score, p.grade])}
      />
    </figure>
  );
}
