import { db } from "@/lib/db/client";
import { positiveIntEnv } from "@/lib/env/positive-int-env";
import { AppError } from "@/lib/errors";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Sign-ups per client address and in all, per hour: every account is a free trial that can scan, so
 * mass creation is refused. Attempts are counted (lib/audit "auth.sign_up" events), whether or not they
 * created an account, so the answer never depends on whether an address is registered.
 * Override with SIGN_UP_LIMIT_PER_IP / SIGN_UP_LIMIT_GLOBAL (per hour).
 */
export const SIGN_UP_LIMITS = {
  perIpPerHour: positiveIntEnv("SIGN_UP_LIMIT_PER_IP", 5),
  globalPerHour: positiveIntEnv("SIGN_UP_LIMIT_GLOBAL", 200),
};

export const SIGN_UP_LIMITED_MESSAGE =
  "Too many sign-ups from this network or in all right now. Please try again in an hour.";

export async function assertSignUpAllowed(ip: string, now: Date, limits = SIGN_UP_LIMITS): Promise<void> {
  const since = new Date(now.getTime() - HOUR_MS);
  const [fromIp, all] = await Promise.all([
    db.auditEvent.count({ where: { action: "auth.sign_up", ip, createdAt: { gt: since } } }),
    db.auditEvent.count({ where: { action: "auth.sign_up", createdAt: { gt: since } } }),
  ]);
  if (fromIp >= limits.perIpPerHour || all >= limits.globalPerHour)
    throw new AppError("rate_limited", SIGN_UP_LIMITED_MESSAGE);
}
