import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_LIMIT_PER_ACCOUNT,
  SIGN_IN_LIMIT_PER_IP,
  decideDelay,
  decideLimit,
  waitText,
  windowStart,
} from "./rate-limit";

/** Attempts are only needed for the windows; older rows are pruned now and then. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let lastPrunedAt = 0;

/**
 * Refuses the attempt, before any password is checked, when
 *  - this address has failed for this account recently: progressive delays, so one address cannot
 *    guess quickly, yet failures from other addresses never lock the owner out;
 *  - this address has too many failures across accounts (password spraying);
 *  - the account has reached its ceiling of failures from all addresses together, unless this
 *    address signed in to it successfully within the last day.
 * A successful sign-in (or password reset) ends the account's count towards the ceiling, and the
 * address's own wait when made from that address; it never resets the address's count across
 * accounts (succeeding with one's own account must not reset a guesser's budget for others).
 */
export async function assertSignInAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(
    now.getTime() - Math.max(SIGN_IN_LIMIT_PER_ACCOUNT.windowMs, SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS.windowMs),
  );
  const [lastSuccess, lastSuccessFromHere] = await Promise.all(
    [{ email }, { email, ip }].map((where) =>
      db.signInAttempt.findFirst({
        where: { ...where, succeeded: true, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      }),
    ),
  );
  const accountFailures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gt: since } },
    select: { createdAt: true, ip: true },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_LIMIT_PER_ACCOUNT.limit,
  });

  // The owner signing in elsewhere does not reset this address's wait; signing in from here does.
  const fromHere = accountFailures
    .filter((a) => a.ip === ip && a.createdAt > (lastSuccessFromHere?.createdAt ?? since))
    .map((a) => a.createdAt);
  const delay = decideDelay(fromHere, SIGN_IN_DELAY_PER_ACCOUNT_AND_ADDRESS, now);
  if (!delay.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins for this account from your network. Try again in ${waitText(delay.retryAfterMs)} or reset your password.`,
    );
  }

  const ipFailures = await db.signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: windowStart(SIGN_IN_LIMIT_PER_IP, now) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_LIMIT_PER_IP.limit,
  });
  const perIp = decideLimit(
    ipFailures.map((a) => a.createdAt),
    SIGN_IN_LIMIT_PER_IP,
    now,
  );
  if (!perIp.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins from your network. Try again in ${waitText(perIp.retryAfterMs)}.`,
    );
  }

  const sinceAccountSuccess = accountFailures
    .filter((a) => a.createdAt > (lastSuccess?.createdAt ?? since))
    .map((a) => a.createdAt);
  const ceiling = decideLimit(sinceAccountSuccess, SIGN_IN_LIMIT_PER_ACCOUNT, now);
  if (!ceiling.allowed && !(await signedInFromHereRecently(email, ip, now))) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins for this account. Try again in ${waitText(ceiling.retryAfterMs)} or reset your password.`,
    );
  }
}

/** An address the owner used successfully stays usable while strangers are held at the ceiling. */
async function signedInFromHereRecently(email: string, ip: string, now: Date): Promise<boolean> {
  const known = await db.signInAttempt.findFirst({
    where: { email, ip, succeeded: true, createdAt: { gt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } },
    select: { id: true },
  });
  return known !== null;
}

export async function recordSignInAttempt(
  input: { email: string; ip: string; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  await db.signInAttempt.create({ data: { ...input, createdAt: now } });
  if (now.getTime() - lastPrunedAt > PRUNE_EVERY_MS) {
    lastPrunedAt = now.getTime();
    await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } } });
  }
}
