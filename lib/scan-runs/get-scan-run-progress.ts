import { db } from "@/lib/db/client";
import type { ScanStatus } from "@/lib/generated/prisma/client";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";

export interface ScanRunProgress {
  id: string;
  assetId: string;
  status: ScanStatus;
  hostsDone: number;
  hostsTotal: number;
  portsFound: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The asset's grade from this run is stored: pages showing the grade can refresh now. */
  graded: boolean;
}

/** A scan run's progress as the asset lists show it beside each asset, and hand to its live progress. */
export type ScanProgressSummary = Pick<
  ScanRunProgress,
  "id" | "status" | "hostsDone" | "hostsTotal" | "portsFound" | "error"
>;

/** The live progress of one scan run of the organisation, or null when it has none with that id. */
export async function getScanRunProgress(
  ctx: OrgContext<"assets:read">,
  scanRunId: string,
): Promise<ScanRunProgress | null> {
  const run = await db.scanRun.findFirst({
    where: { id: scanRunId, ...inOrganization(ctx, "assets:read") },
    select: {
      id: true,
      assetId: true,
      status: true,
      hostsDone: true,
      hostsTotal: true,
      portsFound: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  if (!run) return null;
  const graded =
    run.status === "COMPLETED" &&
    (await db.gradeSnapshot.count({
      where: { organizationId: ctx.organizationId, assetId: run.assetId, scanRunId: run.id },
      take: 1,
    })) > 0;
  return { ...run, graded };
}
