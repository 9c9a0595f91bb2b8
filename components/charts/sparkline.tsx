/**
 * A tiny score trend for table rows; the label says what it shows in words. A plain SVG step line
 * rather than a Recharts chart: Recharts builds a store and a layout per chart, which for a table of
 * sparklines was a large share of the overview's server render time, and a sparkline has no axes,
 * tooltip or interaction for it to provide. Server-rendered, no client JavaScript.
 */
import { stepLinePoints } from "@/lib/charts/step-line";

const WIDTH = 96;
const HEIGHT = 28;
const PAD = 2;

export function Sparkline({ points, label }: { points: { day: number; score: number }[]; label: string }) {
  if (points.length < 2)
    return <span className="text-xs text-slate-600">{points.length === 1 ? "One grade so far" : "—"}</span>;
  const first = points[0]!;
  const last = points.at(-1)!;
  const colour = last.score > first.score ? "#047857" : last.score < first.score ? "#b91c1c" : "#475569";
  const span = Math.max(1, last.day - first.day);
  const x = (day: number) => PAD + ((day - first.day) / span) * (WIDTH - 2 * PAD);
  const y = (score: number) => PAD + (1 - Math.min(100, Math.max(0, score)) / 100) * (HEIGHT - 2 * PAD);
  const path = `M${stepLinePoints(points, x, y)
    .map((p) => `${p.x},${p.y}`)
    .join("L")}`;
  return (
    <span role="img" aria-label={label} title={label} className="inline-block">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <path d={path} fill="none" stroke={colour} strokeWidth={1.5} strokeLinejoin="round" />
      </svg>
    </span>
  );
}
