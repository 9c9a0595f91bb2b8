import { db } from "@/lib/db/client";
import type { SecurityTestTeaser } from "./teaser";

/** QUEUED → RUNNING; the domain to scan, or null when the test has already finished (a retried event). */
export async function claimSecurityTest(id: string): Promise<{ domain: string } | null> {
  const test = await db.securityTest.findUnique({ where: { id }, select: { domain: true, status: true } });
  if (!test || test.status === "COMPLETED" || test.status === "FAILED") return null;
  await db.securityTest.updateMany({ where: { id, status: "QUEUED" }, data: { status: "RUNNING" } });
  return { domain: test.domain };
}

/** Stores the teaser of a finished test (once: a finished test is never overwritten). */
export async function completeSecurityTest(id: string, teaser: SecurityTestTeaser, now: Date): Promise<void> {
  await db.securityTest.updateMany({
    where: { id, status: { in: ["QUEUED", "RUNNING"] } },
    data: {
      status: "COMPLETED",
      grade: teaser.grade,
      score: teaser.score,
      openPorts: teaser.openPorts,
      riskiestClasses: teaser.riskiestClasses,
      finishedAt: now,
    },
  });
}

/** Ends a test that could not run, with a reason written for the visitor. */
export async function failSecurityTest(id: string, reason: string, now: Date): Promise<void> {
  await db.securityTest.updateMany({
    where: { id, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", failure: reason, finishedAt: now },
  });
}
