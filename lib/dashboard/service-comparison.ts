import { readOrgRollupAsOf } from "@/lib/exposure-rollups/read-rollups";
import { servicesDiffer } from "@/lib/findings/service-mismatch";
import type { OrgScope } from "./org-scope";

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
 * left out as in the grade), as of its latest regrade: the grading step stores the ports grouped by
 * (typical, detected, pending) in the daily rollup (lib/exposure-rollups), so this reads one row
 * whatever the number of ports; the family rule that decides a mismatch then runs over those few groups.
 */
export async function getServiceComparison(
  ctx: OrgScope,
  limit = 12,
  now: Date = new Date(),
): Promise<ServiceComparison> {
  const groups = (await readOrgRollupAsOf(ctx, now))?.services ?? [];
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
    openPorts += g.ports;
    if (g.pending) pendingPorts += g.ports;
    if (g.detected === null) undetectedPorts += g.ports;
    if (g.typical !== null) bar(g.typical).typical += g.ports;
    if (g.detected !== null) bar(g.detected).detected += g.ports;
    if (g.typical !== null && g.detected !== null && servicesDiffer(g.typical, g.detected)) {
      bar(g.typical).mismatched += g.ports;
      const key = `${g.typical}\u0000${g.detected}`;
      const m = mismatches.get(key) ?? { typical: g.typical, detected: g.detected, ports: 0 };
      m.ports += g.ports;
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
