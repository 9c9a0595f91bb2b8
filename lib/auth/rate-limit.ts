/**
 * Sliding-window limit over persisted failure times: at most `limit` failures in any `windowMs`.
 * Pure, so the window arithmetic is tested apart from the database.
 */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** 5 failed sign-ins per account and 20 per IP address within 15 minutes. */
export const SIGN_IN_LIMIT_PER_EMAIL: WindowLimit = { limit: 5, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_LIMIT_PER_IP: WindowLimit = { limit: 20, windowMs: 15 * 60 * 1000 };

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

/** Minutes to tell a person, rounded up so "try again in 1 minute" is never too early. */
export function retryAfterMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
