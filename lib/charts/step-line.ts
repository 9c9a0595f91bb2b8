/**
 * Shared by every score chart drawn without a charting library (the dashboard's sparklines, the
 * report's mail image and PDF): a score holds until the next grade, so the line is a staircase.
 */

/** The corners of the step line through `series`, oldest first, held flat to `until` when given. */
export function stepLinePoints(
  series: readonly { day: number; score: number }[],
  x: (day: number) => number,
  y: (score: number) => number,
  until?: number,
): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  series.forEach((p, i) => {
    if (i > 0) points.push({ x: x(p.day), y: y(series[i - 1]!.score) });
    points.push({ x: x(p.day), y: y(p.score) });
  });
  const last = series.at(-1);
  if (last && until !== undefined) points.push({ x: x(until), y: y(last.score) });
  return points;
}

// One formatter for every label: building an Intl.DateTimeFormat costs far more than using one.
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** An axis label for a UTC day: "28 Nov". */
export function shortDay(day: number): string {
  return SHORT_DAY.format(day);
}
