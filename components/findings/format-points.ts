/** Points as the grading method states them: whole numbers plain, fractions (diminishing returns) to two places. */
export function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "");
}
