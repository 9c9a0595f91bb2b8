import { inngest } from "@/inngest/client";
import { securityTestRequested } from "@/inngest/events";
import { waitText } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { securityTestClientKey } from "./client-key";
import { isOptedOut, securityTestSettings, type SecurityTestSettings } from "./settings";

export interface StartedSecurityTest {
  id: string;
  /** A result (or a test in progress) of the last hour was reused: no new scan. */
  reused: boolean;
}

export const optedOutMessage = (domain: string) =>
  `${domain} is not tested here: its owner has asked us not to scan it.`;

const BUSY_MESSAGE = "Many security tests are running right now. Please try again in a minute.";

const START_FAILED_MESSAGE = "The test could not be started. Nothing was scanned; please try again in a minute.";

/**
 * Starts the public security test of a normalised domain for a visitor, or reuses the domain's result of
 * the last hour (or its test still running). New tests are limited per visitor address (per hour), per
 * domain (per day) and in number running at once; the check and the insert happen under one advisory
 * lock, so simultaneous requests cannot all slip under a limit. The scan itself runs in the background
 * (inngest/functions/run-security-test.ts).
 */
export async function startSecurityTest(
  input: { domain: string; ip: string; now: Date },
  settings: SecurityTestSettings = securityTestSettings(),
): Promise<StartedSecurityTest> {
  const { domain, now } = input;
  if (isOptedOut(domain, settings.optOut))
    throw new AppError("forbidden", optedOutMessage(domain), { domain: [optedOutMessage(domain)] });

  const recent = await db.securityTest.findFirst({
    where: {
      domain,
      OR: [
        { status: "COMPLETED", finishedAt: { gt: new Date(now.getTime() - settings.cacheMs) } },
        { status: { in: ["QUEUED", "RUNNING"] }, createdAt: { gt: new Date(now.getTime() - settings.staleAfterMs) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (recent) return { id: recent.id, reused: true };

  const clientKey = securityTestClientKey(input.ip);
  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portwatch:security-test'))`;
    const hourAgo = new Date(now.getTime() - settings.hourMs);
    const dayAgo = new Date(now.getTime() - settings.dayMs);
    const [fromClient, ofDomain, running] = await Promise.all([
      tx.securityTest.findMany({
        where: { clientKey, createdAt: { gt: hourAgo } },
        select: { createdAt: true },
        orderBy: { createdAt: "asc" },
      }),
      tx.securityTest.count({ where: { domain, createdAt: { gt: dayAgo } } }),
      tx.securityTest.count({
        where: {
          status: { in: ["QUEUED", "RUNNING"] },
          createdAt: { gt: new Date(now.getTime() - settings.staleAfterMs) },
        },
      }),
    ]);
    if (fromClient.length >= settings.perIpPerHour) {
      // The oldest counted test leaves the hour first; then one more is allowed.
      const releasing = fromClient[fromClient.length - settings.perIpPerHour]!.createdAt.getTime();
      const wait = waitText(releasing + settings.hourMs - now.getTime());
      throw new AppError(
        "rate_limited",
        `You have run ${fromClient.length} security tests in the last hour, the most we allow from one network. Try again in ${wait}, or start a free trial to monitor your domains without this limit.`,
      );
    }
    if (ofDomain >= settings.perDomainPerDay)
      throw new AppError(
        "rate_limited",
        `${domain} has been tested ${ofDomain} times in the last 24 hours, the most we allow for one domain. Try again tomorrow, or start a free trial to monitor it every day.`,
      );
    if (running >= settings.maxConcurrent) throw new AppError("rate_limited", BUSY_MESSAGE);
    return tx.securityTest.create({ data: { domain, clientKey, createdAt: now }, select: { id: true } });
  });

  try {
    await inngest.send(
      securityTestRequested.create({ securityTestId: created.id }, { id: `security-test-${created.id}` }),
    );
  } catch (error) {
    console.error("[portwatch] security test could not be queued", error);
    await db.securityTest.updateMany({
      where: { id: created.id, status: "QUEUED" },
      data: { status: "FAILED", failure: START_FAILED_MESSAGE, finishedAt: new Date() },
    });
    throw new AppError("internal", START_FAILED_MESSAGE);
  }
  return { id: created.id, reused: false };
}
