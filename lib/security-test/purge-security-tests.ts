import { db } from "@/lib/db/client";

/** Past the longest limit window (a day) and the cache (an hour), a test is kept a week for the operator, then dropped. */
export const SECURITY_TEST_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletes public tests and spent challenges nobody needs any more; returns how many tests went. */
export async function purgeSecurityTests(now: Date): Promise<number> {
  await db.spentChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const { count } = await db.securityTest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - SECURITY_TEST_RETENTION_MS) } },
  });
  return count;
}
