import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SIGN_IN_LIMIT_PER_EMAIL, SIGN_IN_LIMIT_PER_IP, decideLimit, retryAfterMinutes, windowStart } from "./rate-limit";

/** Attempts are only needed for the window; older rows are pruned now and then. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let lastPrunedAt = 0;

const minutes = (n: number) => `${n} minute${n === 1 ? "" : "s"}`;

/**
 * Refuses the attempt, before any password is checked, when the account or the address has had too
 * many failures in the window. Failures before the account's last successful sign-in do not count
 * against the account (they do against the address: succeeding with one's own account must not
 * reset a guesser's budget for others).
 */
export async function assertSignInAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const emailSince = windowStart(SIGN_IN_LIMIT_PER_EMAIL, now);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gt: emailSince } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailFailures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? emailSince } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_LIMIT_PER_EMAIL.limit,
  });
  const perEmail = decideLimit(emailFailures.map((a) => a.createdAt), SIGN_IN_LIMIT_PER_EMAIL, now);
  if (!perEmail.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins for this account. Try again in ${minutes(retryAfterMinutes(perEmail.retryAfterMs))} or reset your password.`,
    );
  }

  const ipFailures = await db.signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: windowStart(SIGN_IN_LIMIT_PER_IP, now) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_LIMIT_PER_IP.limit,
  });
  const perIp = decideLimit(ipFailures.map((a) => a.createdAt), SIGN_IN_LIMIT_PER_IP, now);
  if (!perIp.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins from your network. Try again in ${minutes(retryAfterMinutes(perIp.retryAfterMs))}.`,
    );
  }
}

export async function recordSignInAttempt(input: { email: string; ip: string; succeeded: boolean }, now = new Date()): Promise<void> {
  await db.signInAttempt.create({ data: { ...input, createdAt: now } });
  if (now.getTime() - lastPrunedAt > PRUNE_EVERY_MS) {
    lastPrunedAt = now.getTime();
    await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } } });
  }
}
