import { db } from "@/lib/db/client";
import { requireMembership } from "@/lib/authz/membership";
import { gradeAssetExposure } from "@/lib/grade-snapshots/grade-asset-exposure";
import { regradeOrganization } from "@/lib/grade-snapshots/regrade-organization";
import type { PortResult } from "@/lib/scanner";
import { completeScanRun } from "@/lib/scan-runs/complete-scan-run";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { createOrgWithAsset, openPort, startRunWithHost } from "../scans/fixtures";
import { createUser } from "../orgs/support/fixtures";

export const DAY = 24 * 3600 * 1000;

/** Runs one scan of the asset at `at` through the real storage and grading code. */
export async function scanAt(
  organizationId: string,
  assetId: string,
  at: Date,
  ports: PortResult[],
  ip = "127.0.0.10",
) {
  const { scanRunId, hostId } = await startRunWithHost(organizationId, assetId, ip);
  await storeHostObservations(organizationId, {
    scanRunId,
    hostId,
    ports: ports.map((p) => ({ ...p, ip })),
    catchAll: false,
    observedAt: at,
  });
  await completeScanRun(organizationId, { scanRunId, now: at });
  await db.scanRun.update({ where: { id: scanRunId }, data: { createdAt: at, startedAt: at, finishedAt: at } });
  await gradeAssetExposure(organizationId, { assetId, scanRunId, asOf: at });
  await regradeOrganization(organizationId, { cause: `scan:${scanRunId}`, scanRunId, asOf: at });
  return scanRunId;
}

/**
 * An organisation whose asset was scanned 40 days ago (SSH, HTTP) and now (plus Redis, SSH hidden on
 * 8080, a pending-classification port): the data every dashboard query reads.
 */
export async function seedGradedOrg(now: Date, value?: string) {
  const { org, asset } = await createOrgWithAsset(value ? { value } : {});
  const viewer = await createUser();
  const membership = await db.membership.create({
    data: { organizationId: org.id, userId: viewer.id, role: "VIEWER" },
  });
  const before = new Date(now.getTime() - 40 * DAY);
  const first = await scanAt(org.id, asset.id, before, [openPort(22), openPort(80)]);
  const second = await scanAt(org.id, asset.id, now, [
    openPort(22),
    openPort(80),
    openPort(6379, {
      typicalService: "redis",
      detectedService: "redis",
      product: "Redis",
      version: "7.2.4",
      banner: "-NOAUTH Authentication required.",
    }),
    openPort(8080, { typicalService: "http-alt", detectedService: "ssh", product: "OpenSSH", version: "9.6" }),
    openPort(40000, { typicalService: null, detectedService: null, pendingClassification: true }),
  ]);
  const ctx = await requireMembership(viewer.id, org.id, "assets:read");
  return { org, asset, scans: [first, second], ctx, viewer, membership };
}
