import { GRADE_STYLE, gradeMeaning } from "./grade-style";

/** A letter grade with its score, colour-coded (AA contrast); "Not graded yet" before the first grade. */
export function GradeBadge({
  grade,
  score,
  size = "sm",
}: {
  grade: string | null;
  score: number | null;
  size?: "sm" | "lg";
}) {
  if (!grade) return <span className="text-sm text-slate-600">Not graded yet</span>;
  const style = GRADE_STYLE[grade] ?? "bg-slate-100 text-slate-900";
  if (size === "lg") {
    return (
      <span
        className={`inline-flex h-16 w-16 shrink-0 items-center justify-center rounded-lg text-4xl font-bold ${style}`}
        role="img"
        aria-label={`Grade ${grade}${score !== null ? `, score ${score} of 100` : ""}: ${gradeMeaning(grade)}`}
      >
        {grade}
      </span>
    );
  }
  return (
    <span className={`inline-flex items-baseline gap-1 rounded px-2 py-0.5 text-sm font-semibold ${style}`}>
      {grade}
      {score !== null && <span className="text-xs font-normal">({score})</span>}
    </span>
  );
}
