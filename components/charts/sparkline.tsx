"use client";

import { Line, LineChart, YAxis } from "recharts";

/** A tiny score trend for table rows; the label says what it shows in words. */
export function Sparkline({ points, label }: { points: { day: number; score: number }[]; label: string }) {
  if (points.length < 2)
    return <span className="text-xs text-slate-600">{points.length === 1 ? "One grade so far" : "—"}</span>;
  const first = points[0]!.score;
  const last = points.at(-1)!.score;
  const colour = last > first ? "#047857" : last < first ? "#b91c1c" : "#475569";
  return (
    <span role="img" aria-label={label} title={label} className="inline-block">
      <LineChart width={96} height={28} data={points} accessibilityLayer={false}>
        <YAxis hide domain={[0, 100]} />
        <Line
          type="stepAfter"
          dataKey="score"
          stroke={colour}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
