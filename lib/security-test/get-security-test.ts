import { db } from "@/lib/db/client";
import { riskyClassSchema, type SecurityTestTeaser } from "./teaser";

export type SecurityTestView =
  | { id: string; domain: string; status: "QUEUED" | "RUNNING" }
  | { id: string; domain: string; status: "FAILED"; failure: string }
  | { id: string; domain: string; status: "COMPLETED"; teaser: SecurityTestTeaser; finishedAt: string };

/** One public test as its page shows it (the teaser only); null for an unknown id. */
export async function getSecurityTest(id: string): Promise<SecurityTestView | null> {
  const row = await db.securityTest.findUnique({
    where: { id },
    select: {
      id: true,
      domain: true,
      status: true,
      grade: true,
      score: true,
      openPorts: true,
      riskiestClasses: true,
      failure: true,
      finishedAt: true,
    },
  });
  if (!row) return null;
  const base = { id: row.id, domain: row.domain };
  if (row.status === "FAILED")
    return { ...base, status: "FAILED", failure: row.failure ?? "The test could not be completed." };
  if (row.status !== "COMPLETED") return { ...base, status: row.status };
  return {
    ...base,
    status: "COMPLETED",
    finishedAt: (row.finishedAt ?? new Date()).toISOString(),
    teaser: {
      grade: row.grade as SecurityTestTeaser["grade"],
      score: row.score ?? 0,
      openPorts: row.openPorts ?? 0,
      riskiestClasses: riskyClassSchema.array().catch([]).parse(row.riskiestClasses),
    },
  };
}
