import { db } from "@/lib/db/client";
import { servicesDiffer } from "@/lib/findings/service-mismatch";
import { memberCheck, type OrgScope } from "./org-scope";

export interface ServiceBar {
  service: string;
  /** Open ports whose registered (typical) service this is. */
  typical: number;
  /** Open ports where this service actually answered. */
  detected: number;
  /** Of `typical`: ports registered for it where something else answered. */
  mismatched: number;
}

export interface Mismatch {
  typical: string;
  detected: string;
  ports: number;
}

export interface ServiceComparison {
  services: ServiceBar[];
  mismatches: Mismatch[];
  pendingPorts: number;
  /** Open ports where nothing was identified. */
  undetectedPorts: number;
  openPorts: number;
}

/**
 * Typical versus detected service over the organisation's open ports (live assets, catch-all hosts
 * left out as in the grade). SQL groups the ports by (typical, detected, pending); the family rule
 * that decides a mismatch then runs over those few groups.
 */
export async function getServiceComparison(ctx: OrgScope, limit = 12): Promise<ServiceComparison> {
  const groups = await db.$queryRaw<{ typical: string | null; detected: string | null; pending: boolean; n: number }[]>`
    SELECT p."typicalService" AS "typical", p."detectedService" AS "detected", p."pendingClassification" AS "pending", count(*)::int AS "n"
    FROM "PortInterval" p
    JOIN "Asset" a ON a."id" = p."assetId" AND a."deletedAt" IS NULL
    JOIN "Host" h ON h."id" = p."hostId" AND NOT h."catchAll"
    WHERE p."organizationId" = ${ctx.organizationId} AND p."closedAt" IS NULL AND ${memberCheck(ctx)}
    GROUP BY 1, 2, 3`;
  const bars = new Map<string, ServiceBar>();
  const bar = (service: string) => {
    let b = bars.get(service);
    if (!b) bars.set(service, (b = { service, typical: 0, detected: 0, mismatched: 0 }));
    return b;
  };
  const mismatches = new Map<string, Mismatch>();
  let pendingPorts = 0;
  let undetectedPorts = 0;
  let openPorts = 0;
  for (const g of groups) {
    openPorts += g.n;
    if (g.pending) pendingPorts += g.n;
    if (g.detected === null) undetectedPorts += g.n;
    if (g.typical !== null) bar(g.typical).typical += g.n;
    if (g.detected !== null) bar(g.detected).detected += g.n;
    if (g.typical !== null && g.detected !== null && servicesDiffer(g.typical, g.detected)) {
      bar(g.typical).mismatched += g.n;
      const key = `${g.typical}\u0000${g.detected}`;
      const m = mismatches.get(key) ?? { typical: g.typical, detected: g.detected, ports: 0 };
      m.ports += g.n;
      mismatches.set(key, m);
    }
  }
  const services = [...bars.values()]
    .sort(
      (a, b) => Math.max(b.typical, b.detected) - Math.max(a.typical, a.detected) || a.service.localeCompare(b.service),
    )
    .slice(0, limit);
  return {
    services,
    mismatches: [...mismatches.values()].sort((a, b) => b.ports - a.ports || a.typical.localeCompare(b.typical)),
    pendingPorts,
    undetectedPorts,
    openPorts,
  };
}
