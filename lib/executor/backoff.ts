/** When to retry a failed call: exponential backoff with jitter, or what the app asked for. */
export interface BackoffOptions {
  /** Delay before the first retry. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
  /** Fraction of the delay randomised either way (0 → deterministic). */
  jitter?: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 60 * 60_000, jitter: 0.2 };

/** Delay before retry number `attempt + 1`, given that attempt `attempt` (0-based) just failed. */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const jitter = opts.jitter ?? 0;
  const factor = 1 + jitter * (random() * 2 - 1);
  return Math.max(0, Math.min(opts.maxMs, Math.round(exp * factor)));
}

/**
 * Milliseconds to wait from a Retry-After header: delay-seconds, an ISO 8601 date (as Inngest allows)
 * or an HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
