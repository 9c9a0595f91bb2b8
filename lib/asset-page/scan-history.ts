import { db } from "@/lib/db/client";
import type { ScanStatus, ScanTrigger } from "@/lib/generated/prisma/enums";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

export interface ScanHistoryEntry {
  id: string;
  status: ScanStatus;
  trigger: ScanTrigger;
  hostsDone: number;
  hostsTotal: number;
  portsFound: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The asset's scan runs, newest first. */
export async function listScanHistory(ctx: OrgScope, assetId: string, limit = 20): Promise<ScanHistoryEntry[]> {
  return db.scanRun.findMany({
    where: { assetId, ...inOrganization(ctx, "assets:read") },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      trigger: true,
      hostsDone: true,
      hostsTotal: true,
      portsFound: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
}
