import { db } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import type { ObservedPort } from "@/lib/scanner";
import { observedServiceOfInterval, type StoredService } from "@/lib/scan-runs/observed-port-of-interval";
import type { FindingRow } from "@/lib/findings/finding-row";
import { FINDING_COLUMNS, FINDING_FROM } from "@/lib/findings/findings-sql";
import { findingKey, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import { memberCheck, type OrgScope } from "@/lib/dashboard/org-scope";

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

type Row = FindingRow &
  StoredService & {
    catchAll: boolean;
    openedByScanRunId: string;
  };

/**
 * The asset's open ports with their evidence, severity and contribution, and each graded port's
 * explanation from the latest snapshot's findings (joined by address, port and protocol). One raw
 * statement with the findings page's columns: the asset page's largest read, and Prisma's
 * include-a-relation costs a second query and twice the CPU for it.
 */
export async function listOpenPorts(
  ctx: OrgScope,
  assetId: string,
  graded: readonly SnapshotFinding[],
): Promise<OpenPortRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${FINDING_COLUMNS}, pi."versionRevision", pi."banner", pi."tls", pi."facts", h."catchAll", pi."openedByScanRunId"
    ${FINDING_FROM}
    WHERE pi."assetId" = ${assetId} AND pi."organizationId" = ${ctx.organizationId} AND pi."closedAt" IS NULL
      AND a."organizationId" = ${ctx.organizationId} AND ${memberCheck(ctx)}
    ORDER BY pi."port" ASC, pi."protocol" ASC`;
  const reasons = new Map(graded.map((f) => [findingKey(f.ip, f.port, f.protocol), f.reason]));
  return rows.map((r) => ({
    ip: r.ip,
    port: r.port,
    protocol: r.protocol,
    ...observedServiceOfInterval(r),
    id: r.id,
    hostname: r.hostname,
    catchAll: r.catchAll,
    severity: r.severity,
    contribution: r.contribution,
    ruleId: r.ruleId,
    reason: reasons.get(findingKey(r.ip, r.port, r.protocol)) ?? null,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    openedByScanRunId: r.openedByScanRunId,
  }));
}
