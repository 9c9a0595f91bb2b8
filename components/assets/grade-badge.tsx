const COLOURS: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900",
  B: "bg-lime-100 text-lime-900",
  C: "bg-amber-100 text-amber-900",
  D: "bg-orange-100 text-orange-900",
  F: "bg-red-100 text-red-900",
};

export function GradeBadge({ grade, score }: { grade: string | null; score: number | null }) {
  if (!grade) return <span className="text-sm text-slate-400">Not graded yet</span>;
  return (
    <span className={`inline-flex items-baseline gap-1 rounded px-2 py-0.5 text-sm font-semibold ${COLOURS[grade] ?? "bg-slate-100"}`}>
      {grade}
      {score !== null && <span className="text-xs font-normal">({score})</span>}
    </span>
  );
}
