/** Background/text pairs with at least 4.5:1 contrast (WCAG AA). */
export const GRADE_STYLE: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900",
  B: "bg-lime-100 text-lime-900",
  C: "bg-amber-100 text-amber-900",
  D: "bg-orange-100 text-orange-900",
  F: "bg-red-100 text-red-900",
};

const MEANING: Record<string, string> = {
  A: "Little is exposed: nothing beyond what a public site is expected to offer.",
  B: "Minor exposure: a few low-risk services are reachable, worth tidying up.",
  C: "Notable exposure: at least one high-risk service, or several medium ones, is reachable.",
  D: "Serious exposure: a critical service is reachable from the internet, or many risky ones.",
  F: "Severe exposure: several dangerous services are reachable; attackers look for exactly these.",
};

/** One line saying what a letter means for the reader (bands as in docs/grading.md §6). */
export function gradeMeaning(grade: string): string {
  return MEANING[grade] ?? "Graded with the published Open Ports method.";
}
