import { GradeBadge } from "@/components/grades/grade-badge";
import { gradeMeaning } from "@/components/grades/grade-style";
import { LocalTime } from "@/components/ui/local-time";
import { signed } from "@/components/charts/format";

function Change({ value, days }: { value: number | null; days: number }) {
  if (value === null) return <span className="text-slate-600">No grade {days} days ago</span>;
  const tone = value > 0 ? "text-emerald-800" : value < 0 ? "text-red-800" : "text-slate-700";
  return (
    <span className={tone}>
      <span className="font-semibold tabular-nums">{signed(value)}</span> in {days} days
    </span>
  );
}

/** The organisation's letter and score, what it means, and how it moved. */
export function GradeCard({
  grade,
  score,
  gradedAt,
  change7,
  change30,
}: {
  grade: string | null;
  score: number | null;
  gradedAt: Date | null;
  change7: number | null;
  change30: number | null;
}) {
  return (
    <section aria-labelledby="org-grade-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="org-grade-heading" className="text-sm font-medium text-slate-700">
        Open Ports grade
      </h2>
      <div className="mt-3 flex items-center gap-4">
        <GradeBadge grade={grade} score={score} size="lg" />
        {grade && (
          <div>
            <p className="text-2xl font-semibold tabular-nums">
              {score}
              <span className="text-base font-normal text-slate-600"> / 100</span>
            </p>
            <p className="mt-1 flex flex-wrap gap-x-3 text-sm">
              <Change value={change7} days={7} />
              <Change value={change30} days={30} />
            </p>
          </div>
        )}
      </div>
      <p className="mt-3 text-sm text-slate-700">
        {grade ? gradeMeaning(grade) : "Your organisation is graded after its first scan completes."}
      </p>
      {gradedAt && (
        <p className="mt-1 text-xs text-slate-600">
          Graded <LocalTime value={gradedAt} /> with the published method (docs/grading.md).
        </p>
      )}
    </section>
  );
}
