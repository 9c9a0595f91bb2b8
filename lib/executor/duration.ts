/**
 * Inngest "time strings" ("300ms", "2h45m", "1.5d") and ISO dates, as used by step.sleep(),
 * step.waitForEvent() timeouts and step.invoke() timeouts.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w)/gy;

/** Milliseconds in a time string; throws on anything else. */
export function parseTimeString(input: string): number {
  const s = input.trim();
  if (!s) throw new Error("Empty duration");
  if (s === "0") return 0;
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let m = PART.exec(s); m; m = PART.exec(s)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = PART.lastIndex;
  }
  if (consumed !== s.length || consumed === 0)
    throw new Error(`Invalid duration "${input}" (expected e.g. "30s", "2h45m" or an ISO date)`);
  return total;
}

/** The instant a duration (time string or ISO date) ends, counted from `now`. */
export function resolveDeadline(input: unknown, now: Date): Date {
  if (typeof input !== "string" || !input.trim()) throw new Error(`Invalid duration ${JSON.stringify(input)}`);
  const trimmed = input.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const at = new Date(trimmed);
    if (Number.isNaN(at.getTime())) throw new Error(`Invalid date "${input}"`);
    return at;
  }
  return new Date(now.getTime() + parseTimeString(trimmed));
}
