import type { Prisma } from "@/lib/db/client";
import type { SeverityCounts } from "./severity-counts";
import { utcDay } from "./utc-day";

type Tx = Prisma.TransactionClient;

/**
 * Writes the organisation's rollup row for the regrade's UTC day: its grade and the open ports of
 * its live assets by severity, counted in SQL from the graded intervals (an index-only walk).
 */
export async function recordOrganizationRollup(
  tx: Tx,
  organizationId: string,
  grade: { grade: string; score: number; assetCount: number },
  asOf: Date,
): Promise<void> {
  const [counts] = await tx.$queryRaw<SeverityCounts[]>`
    SELECT count(*)::int AS "openPorts",
           count(*) FILTER (WHERE pi."severity" = 'critical')::int AS "critical",
           count(*) FILTER (WHERE pi."severity" = 'high')::int AS "high",
           count(*) FILTER (WHERE pi."severity" = 'medium')::int AS "medium",
           count(*) FILTER (WHERE pi."severity" = 'low')::int AS "low",
           count(*) FILTER (WHERE pi."severity" = 'info')::int AS "info",
           count(*) FILTER (WHERE pi."severity" IS NULL)::int AS "ungraded"
    FROM "PortInterval" AS pi
    JOIN "Asset" AS a ON a."id" = pi."assetId" AND a."deletedAt" IS NULL
    WHERE pi."organizationId" = ${organizationId} AND pi."closedAt" IS NULL`;
  const day = utcDay(asOf);
  const row = { ...grade, ...counts! };
  await tx.organizationDailyRollup.upsert({
    where: { organizationId_day: { organizationId, day } },
    create: { organizationId, day, ...row },
    update: row,
  });
}
