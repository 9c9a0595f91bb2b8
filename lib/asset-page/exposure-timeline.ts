import { db } from "@/lib/db/client";
import type { ExposureChangeKind } from "@/lib/generated/prisma/enums";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

interface ServiceSide {
  typicalService?: string | null;
  detectedService?: string | null;
  product?: string | null;
  version?: string | null;
}

export interface TimelineEntry {
  id: string;
  at: Date;
  kind: ExposureChangeKind;
  hostIp: string;
  port: number;
  protocol: "tcp" | "udp";
  scanRunId: string;
  before: ServiceSide | null;
  after: ServiceSide | null;
}

/** The asset's exposure changes (opened, closed, service changed), newest first. */
export async function listExposureTimeline(ctx: OrgScope, assetId: string, limit = 50): Promise<TimelineEntry[]> {
  const rows = await db.exposureChange.findMany({
    where: { assetId, ...inOrganization(ctx, "assets:read") },
    orderBy: [{ createdAt: "desc" }, { hostIp: "asc" }, { port: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    kind: r.kind,
    hostIp: r.hostIp,
    port: r.port,
    protocol: r.protocol === "UDP" ? "udp" : "tcp",
    scanRunId: r.scanRunId,
    before: (r.before ?? null) as ServiceSide | null,
    after: (r.after ?? null) as ServiceSide | null,
  }));
}
