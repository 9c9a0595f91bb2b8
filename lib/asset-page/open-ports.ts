import { db } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import type { ServiceFacts, TlsInfo } from "@/lib/scanner";
import { findingKey, type SnapshotFinding } from "@/lib/findings/snapshot-finding";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

export interface OpenPortRow {
  id: string;
  hostIp: string;
  hostname: string;
  catchAll: boolean;
  port: number;
  protocol: "tcp" | "udp";
  state: string;
  typicalService: string | null;
  pendingClassification: boolean;
  detectedService: string | null;
  product: string | null;
  version: string | null;
  /** From the asset's latest grade; null when the port is not graded (silent UDP, catch-all host, not graded yet). */
  severity: Severity | null;
  contribution: number | null;
  ruleId: string | null;
  reason: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  evidence: {
    banner: string | null;
    tls: TlsInfo | null;
    facts: ServiceFacts;
    openedByScanRunId: string;
  };
}

/**
 * The asset's open ports with their evidence, and each port's severity and contribution as its latest
 * grade computed them (joined by address, port and protocol). One query for the intervals.
 */
export async function listOpenPorts(ctx: OrgScope, assetId: string, graded: readonly SnapshotFinding[]): Promise<OpenPortRow[]> {
  const intervals = await db.portInterval.findMany({
    where: { assetId, closedAt: null, ...inOrganization(ctx, "assets:read") },
    include: { host: { select: { ip: true, hostname: true, catchAll: true } } },
    orderBy: [{ port: "asc" }, { protocol: "asc" }],
  });
  const byKey = new Map(graded.map((f) => [findingKey(f.ip, f.port, f.protocol), f]));
  return intervals.map((i) => {
    const protocol = i.protocol === "UDP" ? "udp" : "tcp";
    const finding = byKey.get(findingKey(i.host.ip, i.port, protocol));
    return {
      id: i.id,
      hostIp: i.host.ip,
      hostname: i.host.hostname,
      catchAll: i.host.catchAll,
      port: i.port,
      protocol,
      state: i.state,
      typicalService: i.typicalService,
      pendingClassification: i.pendingClassification,
      detectedService: i.detectedService,
      product: i.product,
      version: i.version,
      severity: finding?.severity ?? null,
      contribution: finding?.deduction ?? null,
      ruleId: finding?.ruleId ?? null,
      reason: finding?.reason ?? null,
      firstSeenAt: i.firstSeenAt,
      lastSeenAt: i.lastSeenAt,
      evidence: {
        banner: i.banner,
        tls: (i.tls ?? null) as TlsInfo | null,
        facts: (i.facts ?? {}) as ServiceFacts,
        openedByScanRunId: i.openedByScanRunId,
      },
    };
  });
}
