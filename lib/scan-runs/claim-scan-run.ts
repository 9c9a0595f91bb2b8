import { db } from "@/lib/db/client";
import type { AssetKind, ScanTrigger } from "@/lib/generated/prisma/client";
import { nextScanAt, trialExpired } from "@/lib/scan-runs/scan-cadence";
import { ScanDataNotFoundError } from "./scan-data-not-found-error";

export interface ClaimScanRunInput {
  assetId: string;
  /** The QUEUED run created with the request; absent for requests that did not create one. */
  scanRunId?: string | undefined;
  /** Id for the run created here when scanRunId is absent; stable across retries (derived from the job run). */
  newScanRunId: string;
  trigger: ScanTrigger;
  requestedById?: string | null | undefined;
  /** The ports recorded on the run: the standard scan's until the asset's ownership is proven, then the full list. */
  portSpecs: { standard: string; verified: string };
  now: Date;
}

export type ClaimedScanRun =
  | { state: "running"; scanRunId: string; target: { kind: AssetKind; value: string }; verified: boolean }
  | { state: "skipped"; scanRunId: string | null; reason: string };

const TRIAL_ENDED_RUN = "The free trial ended before this scheduled scan started.";

/**
 * Moves the scan run to RUNNING (creating it when the request carried none). Retry-safe: a run
 * already RUNNING is claimed again. A deleted asset cancels the run, and so does the end of the trial
 * for a scheduled run still queued; a finished run is skipped.
 */
export async function claimScanRun(organizationId: string, input: ClaimScanRunInput): Promise<ClaimedScanRun> {
  const asset = await db.asset.findFirst({
    where: { id: input.assetId, organizationId },
    select: {
      id: true,
      kind: true,
      value: true,
      deletedAt: true,
      verifiedAt: true,
      organization: { select: { plan: true, trialEndsAt: true } },
    },
  });
  if (!asset || asset.deletedAt) {
    if (input.scanRunId) {
      await db.scanRun.updateMany({
        where: { id: input.scanRunId, organizationId, status: { in: ["QUEUED", "RUNNING"] } },
        data: { status: "CANCELLED", finishedAt: input.now, error: "The asset was deleted." },
      });
    }
    return { state: "skipped", scanRunId: input.scanRunId ?? null, reason: "The asset was deleted." };
  }
  // A scheduled scan still queued when the trial ended does not run: scans pause at the end.
  if (input.trigger === "SCHEDULED" && input.scanRunId && trialExpired(asset.organization, input.now)) {
    const { count } = await db.scanRun.updateMany({
      where: { id: input.scanRunId, organizationId, status: "QUEUED" },
      data: { status: "CANCELLED", finishedAt: input.now, error: TRIAL_ENDED_RUN },
    });
    if (count === 1) return { state: "skipped", scanRunId: input.scanRunId, reason: TRIAL_ENDED_RUN };
  }

  const verified = asset.verifiedAt !== null;
  const portSpec = verified ? input.portSpecs.verified : input.portSpecs.standard;
  const scanRunId = input.scanRunId ?? input.newScanRunId;
  if (!input.scanRunId) {
    await db.scanRun.upsert({
      where: { id: scanRunId },
      create: {
        id: scanRunId,
        organizationId,
        assetId: asset.id,
        trigger: input.trigger,
        requestedById: input.requestedById ?? null,
        portSpec,
      },
      update: {},
    });
  }
  await db.scanRun.updateMany({
    where: { id: scanRunId, organizationId, assetId: asset.id, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: input.now, portSpec },
  });
  const run = await db.scanRun.findFirst({
    where: { id: scanRunId, organizationId, assetId: asset.id },
    select: { status: true },
  });
  if (!run) {
    if (input.scanRunId) return { state: "skipped", scanRunId, reason: "The scan run was not found." };
    throw new ScanDataNotFoundError(`Scan run ${scanRunId} belongs to another asset`);
  }
  if (run.status !== "RUNNING")
    return { state: "skipped", scanRunId, reason: `The scan run is already ${run.status.toLowerCase()}.` };

  // Scheduled scans count from the latest scan, whoever asked for it.
  await db.asset.updateMany({
    where: { id: asset.id, organizationId },
    data: { nextScanAt: nextScanAt(asset.organization, input.now, verified) },
  });
  return { state: "running", scanRunId, target: { kind: asset.kind, value: asset.value }, verified };
}
