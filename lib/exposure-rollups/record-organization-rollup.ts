import type { Prisma } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import { SEVERITIES, type SeverityCounts } from "./severity-counts";
import type { ServiceCount } from "./service-counts";
import { utcDay } from "./utc-day";

type Tx = Prisma.TransactionClient;

export interface OpenPortCounts extends SeverityCounts {
  services: ServiceCount[];
}

/**
 * The organisation's open ports on live assets, counted in SQL in one grouped walk: by severity (every
 * open port) and by typical service, detected service and Pending classification (catch-all hosts left
 * out, as in the grade). Used by the regrade and by the seed, so both write the same numbers.
 */
export async function countOpenPorts(tx: Tx, organizationId: string): Promise<OpenPortCounts> {
  const groups = await tx.$queryRaw<
    {
      typical: string | null;
      detected: string | null;
      pending: boolean;
      severity: Severity | null;
      catchAll: boolean;
      ports: number;
    }[]
  >`
    SELECT pi."typicalService" AS "typical", pi."detectedService" AS "detected", pi."pendingClassification" AS "pending",
           pi."severity"::text AS "severity", h."catchAll", count(*)::int AS "ports"
    FROM "PortInterval" AS pi
    JOIN "Asset" AS a ON a."id" = pi."assetId" AND a."deletedAt" IS NULL
    JOIN "Host" AS h ON h."id" = pi."hostId"
    WHERE pi."organizationId" = ${organizationId} AND pi."closedAt" IS NULL
    GROUP BY 1, 2, 3, 4, 5`;
  const counts: OpenPortCounts = {
    openPorts: 0,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    ungraded: 0,
    services: [],
  };
  const services = new Map<string, ServiceCount>();
  for (const g of groups) {
    counts.openPorts += g.ports;
    if (g.severity !== null && (SEVERITIES as readonly string[]).includes(g.severity)) counts[g.severity] += g.ports;
    else counts.ungraded += g.ports;
    if (g.catchAll) continue;
    const key = JSON.stringify([g.typical, g.detected, g.pending]);
    const s = services.get(key);
    if (s) s.ports += g.ports;
    else services.set(key, { typical: g.typical, detected: g.detected, pending: g.pending, ports: g.ports });
  }
  counts.services = [...services.values()].sort((a, b) => b.ports - a.ports);
  return counts;
}

/**
 * Writes the organisation's rollup row for the regrade's UTC day: its grade, the open ports of its live
 * assets by severity and by typical/detected service (countOpenPorts).
 */
export async function recordOrganizationRollup(
  tx: Tx,
  organizationId: string,
  grade: { grade: string; score: number; assetCount: number },
  asOf: Date,
): Promise<void> {
  const { services, ...counts } = await countOpenPorts(tx, organizationId);
  const day = utcDay(asOf);
  const row = { ...grade, ...counts, services: services as unknown as Prisma.InputJsonValue };
  await tx.organizationDailyRollup.upsert({
    where: { organizationId_day: { organizationId, day } },
    create: { organizationId, day, ...row },
    update: row,
  });
}
