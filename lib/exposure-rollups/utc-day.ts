/** The UTC calendar day of `at`, as the Date PostgreSQL's DATE columns round-trip (midnight UTC). */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** "YYYY-MM-DD" of a UTC day. */
export function dayKey(day: Date): string {
  return day.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `to` inclusive, as "YYYY-MM-DD". */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = utcDay(from).getTime(); t <= utcDay(to).getTime(); t += DAY_MS) days.push(dayKey(new Date(t)));
  return days;
}
