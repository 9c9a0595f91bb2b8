import { db } from "@/lib/db/client";
import { inOrganization } from "@/lib/authz/org-context";
import type { Severity } from "@/lib/grading";
import type { ObservedPort } from "@/lib/scanner";
import { observedPortOfInterval } from "@/lib/scan-runs/observed-port-of-interval";
import { findingKey, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import type { OrgScope } from "@/lib/dashboard/org-scope";

/** One open port of the asset: what was observed (the contract's ObservedPort), how it is graded, and when it was seen. */
export interface OpenPortRow extends ObservedPort {
  id: string;
  hostname: string;
  catchAll: boolean;
  /** As the latest grading stored it; null when the port is not graded (silent UDP, catch-all host, not graded yet). */
  severity: Severity | null;
  contribution: number | null;
  ruleId: string | null;
  /** The grade's explanation of this finding, from the asset's latest grade snapshot. */
  reason: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  openedByScanRunId: string;
}

/**
 * The asset's open ports with their evidence, severity and contribution (one query), and each graded
 * port's explanation from the latest snapshot's findings (joined by address, port and protocol).
 */
export async function listOpenPorts(
  ctx: OrgScope,
  assetId: string,
  graded: readonly SnapshotFinding[],
): Promise<OpenPortRow[]> {
  const intervals = await db.portInterval.findMany({
    where: { assetId, closedAt: null, ...inOrganization(ctx, "assets:read") },
    include: { host: { select: { ip: true, hostname: true, catchAll: true } } },
    orderBy: [{ port: "asc" }, { protocol: "asc" }],
  });
  const reasons = new Map(graded.map((f) => [findingKey(f.ip, f.port, f.protocol), f.reason]));
  return intervals.map((interval) => {
    const observed = observedPortOfInterval(interval);
    return {
      ...observed,
      id: interval.id,
      hostname: interval.host.hostname,
      catchAll: interval.host.catchAll,
      severity: interval.severity,
      contribution: interval.contribution,
      ruleId: interval.ruleId,
      reason: reasons.get(findingKey(observed.ip, observed.port, observed.protocol)) ?? null,
      firstSeenAt: interval.firstSeenAt,
      lastSeenAt: interval.lastSeenAt,
      openedByScanRunId: interval.openedByScanRunId,
    };
  });
}
