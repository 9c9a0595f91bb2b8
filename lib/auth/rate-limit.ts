/**
 * Sliding-window limit over persisted failure times: at most `limit` failures in any `windowMs`.
 * Pure, so the window arithmetic is tested apart from the database.
 */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * 20 failed sign-ins per address in 15 minutes, across accounts; and a ceiling of 100 failures per
 * account in an hour from all addresses together, which only a guesser spread over many networks
 * reaches (one address is slowed long before, see SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS).
 */
export const SIGN_IN_LIMIT_PER_IP: WindowLimit = { limit: 20, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_LIMIT_PER_ACCOUNT: WindowLimit = { limit: 100, windowMs: 60 * 60 * 1000 };

/**
 * Failures for one account from one address are slowed, not locked: the first `free` go through at
 * once, then each further attempt waits `baseMs`, doubling per failure up to `maxMs`, counted from
 * the last failure. Someone else failing from elsewhere never delays the owner.
 */
export interface ProgressiveDelay {
  free: number;
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

export const SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS: ProgressiveDelay = {
  free: 3,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

/** How long after the last of `failures` failures the next attempt is allowed (0 while still free). */
export function delayAfterFailures(failures: number, rule: ProgressiveDelay): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free));
}

export function decideDelay(failureTimes: readonly Date[], rule: ProgressiveDelay, now: Date): LimitDecision {
  const start = now.getTime() - rule.windowMs;
  const inWindow = failureTimes.map((t) => t.getTime()).filter((t) => t > start && t <= now.getTime());
  if (!inWindow.length) return { allowed: true };
  const until = Math.max(...inWindow) + delayAfterFailures(inWindow.length, rule);
  return until > now.getTime() ? { allowed: false, retryAfterMs: until - now.getTime() } : { allowed: true };
}

/** The start of the window that ends at `now`; failures after it (not at it) count. */
export function windowStart(rule: WindowLimit, now: Date): Date {
  return new Date(now.getTime() - rule.windowMs);
}

/**
 * Whether one more attempt may be made. When not, `retryAfterMs` is how long until enough of the
 * counted failures leave the window that the count drops below the limit again.
 */
export function decideLimit(failureTimes: readonly Date[], rule: WindowLimit, now: Date): LimitDecision {
  const start = windowStart(rule, now).getTime();
  const inWindow = failureTimes
    .map((t) => t.getTime())
    .filter((t) => t > start && t <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < rule.limit) return { allowed: true };
  // Once the (count - limit + 1) oldest failures have aged out, limit - 1 remain: one more is allowed.
  const releasing = inWindow[inWindow.length - rule.limit]!;
  return { allowed: false, retryAfterMs: Math.max(1, releasing + rule.windowMs - now.getTime()) };
}

/** "30 seconds", "2 minutes": rounded up, so the user is never told to come back too early. */
export function waitText(retryAfterMs: number): string {
  if (retryAfterMs < 60_000) {
    const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const m = retryAfterMinutes(retryAfterMs);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/** Minutes to tell a person, rounded up so "try again in 1 minute" is never too early. */
export function retryAfterMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
