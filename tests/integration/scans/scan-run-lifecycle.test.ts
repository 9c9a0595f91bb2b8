import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cancelAssetScanRuns } from "@/lib/scan-runs/cancel-asset-scan-runs";
import { claimScanRun } from "@/lib/scan-runs/claim-scan-run";
import { completeScanRun } from "@/lib/scan-runs/complete-scan-run";
import { createScanRun } from "@/lib/scan-runs/create-scan-run";
import { failScanRun } from "@/lib/scan-runs/fail-scan-run";
import { getScanRunProgress } from "@/lib/scan-runs/get-scan-run-progress";
import { requireMembership } from "@/lib/authz/membership";
import { recordResolvedHosts } from "@/lib/scan-runs/record-resolved-hosts";
import { retireUnresolvedHosts } from "@/lib/scan-runs/retire-unresolved-hosts";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { createOrgWithAsset, openPort, startRunWithHost } from "./fixtures";

const claimInput = (assetId: string, extra: Partial<Parameters<typeof claimScanRun>[1]> = {}) => ({
  assetId,
  newScanRunId: `scan_test_${Math.random().toString(36).slice(2)}`,
  trigger: "MANUAL" as const,
  portSpecs: { standard: "top-100", verified: "all" },
  now: new Date("2026-06-01T00:00:00Z"),
  ...extra,
});

describe("scan run lifecycle", () => {
  it("claims a queued run once, again on retry, and schedules the next scan by plan", async () => {
    const { org, asset } = await createOrgWithAsset({ plan: "PRO" });
    const run = await createScanRun(org.id, { assetId: asset.id, trigger: "MANUAL" });
    expect(run.status).toBe("QUEUED");

    // A verified asset (the plan's cadence applies; unverified ones are scanned at most daily).
    await db.asset.update({ where: { id: asset.id }, data: { verifiedAt: new Date() } });
    const first = await claimScanRun(org.id, claimInput(asset.id, { scanRunId: run.id }));
    const retry = await claimScanRun(org.id, claimInput(asset.id, { scanRunId: run.id }));
    expect(first).toEqual({
      state: "running",
      scanRunId: run.id,
      target: { kind: "DOMAIN", value: asset.value },
      verified: true,
    });
    expect(retry).toEqual(first);
    const updated = await db.asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(updated.nextScanAt).toEqual(new Date("2026-06-01T06:00:00Z"));
  });

  it("creates the run when the request carried none, with the same id on retry", async () => {
    const { org, asset } = await createOrgWithAsset();
    const input = claimInput(asset.id);
    const a = await claimScanRun(org.id, input);
    const b = await claimScanRun(org.id, input);
    expect(a).toMatchObject({ state: "running", scanRunId: input.newScanRunId });
    expect(b).toEqual(a);
    expect(await db.scanRun.count({ where: { assetId: asset.id } })).toBe(1);
  });

  it("cancels the run of a deleted asset and skips finished runs", async () => {
    const { org, asset } = await createOrgWithAsset();
    const run = await createScanRun(org.id, { assetId: asset.id, trigger: "MANUAL" });
    const done = await createScanRun(org.id, { assetId: asset.id, trigger: "MANUAL" });
    await db.scanRun.update({ where: { id: done.id }, data: { status: "COMPLETED" } });
    expect(await claimScanRun(org.id, claimInput(asset.id, { scanRunId: done.id }))).toMatchObject({
      state: "skipped",
    });

    await db.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    expect(await claimScanRun(org.id, claimInput(asset.id, { scanRunId: run.id }))).toMatchObject({ state: "skipped" });
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "CANCELLED" });
    await expect(createScanRun(org.id, { assetId: asset.id, trigger: "MANUAL" })).rejects.toThrow(/not found/);
  });

  it("completes only a running run and records the asset's last scan", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId } = await startRunWithHost(org.id, asset.id);
    const now = new Date("2026-06-02T00:00:00Z");
    expect(await completeScanRun(org.id, { scanRunId, now })).toBe(true);
    expect(await completeScanRun(org.id, { scanRunId, now })).toBe(true);
    expect(await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).toMatchObject({ lastScanAt: now });
    expect(await failScanRun(org.id, { scanRunId, error: "late", now })).toBe(false);
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: scanRunId } })).toMatchObject({
      status: "COMPLETED",
      error: null,
    });
  });

  it("a cancelled run is not completed afterwards", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId } = await startRunWithHost(org.id, asset.id);
    expect(
      await cancelAssetScanRuns(org.id, { assetId: asset.id, reason: "The asset was deleted.", now: new Date() }),
    ).toBe(1);
    expect(await completeScanRun(org.id, { scanRunId, now: new Date() })).toBe(false);
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: scanRunId } })).toMatchObject({
      status: "CANCELLED",
      error: "The asset was deleted.",
    });
  });

  it("closes the ports of hosts the asset no longer resolves to", async () => {
    const { org, asset } = await createOrgWithAsset();
    const first = await startRunWithHost(org.id, asset.id, "127.0.0.20");
    await storeHostObservations(org.id, {
      scanRunId: first.scanRunId,
      hostId: first.hostId,
      ports: [openPort(80)],
      catchAll: false,
      observedAt: new Date(),
    });

    const second = await startRunWithHost(org.id, asset.id, "127.0.0.21");
    const closed = await retireUnresolvedHosts(org.id, {
      scanRunId: second.scanRunId,
      assetId: asset.id,
      resolvedHostIds: [second.hostId],
      now: new Date(),
    });
    const again = await retireUnresolvedHosts(org.id, {
      scanRunId: second.scanRunId,
      assetId: asset.id,
      resolvedHostIds: [second.hostId],
      now: new Date(),
    });
    expect([closed, again]).toEqual([1, 0]);
    expect(await db.portInterval.count({ where: { assetId: asset.id, closedAt: null } })).toBe(0);
    expect(await db.exposureChange.findFirstOrThrow({ where: { scanRunId: second.scanRunId } })).toMatchObject({
      kind: "PORT_CLOSED",
      hostIp: "127.0.0.20",
      port: 80,
    });
  });

  it("another organisation's ids yield nothing", async () => {
    const mine = await createOrgWithAsset();
    const theirs = await createOrgWithAsset();
    const { scanRunId } = await startRunWithHost(mine.org.id, mine.asset.id);

    const viewer = await db.user.create({
      data: { email: `viewer-${scanRunId}@example.test`, passwordHash: "test-only-not-a-hash" },
    });
    await db.membership.createMany({
      data: [mine, theirs].map(({ org }) => ({ organizationId: org.id, userId: viewer.id, role: "VIEWER" as const })),
    });
    const [inMine, inTheirs] = await Promise.all(
      [mine, theirs].map(({ org }) => requireMembership(viewer.id, org.id, "assets:read")),
    );
    expect(await getScanRunProgress(inTheirs!, scanRunId)).toBeNull();
    expect(await getScanRunProgress(inMine!, scanRunId)).toMatchObject({ status: "RUNNING", hostsTotal: 1 });
    await expect(createScanRun(theirs.org.id, { assetId: mine.asset.id, trigger: "MANUAL" })).rejects.toThrow(
      /not found/,
    );
    expect(await claimScanRun(theirs.org.id, claimInput(mine.asset.id, { scanRunId }))).toMatchObject({
      state: "skipped",
    });
    expect(await completeScanRun(theirs.org.id, { scanRunId, now: new Date() })).toBe(false);
    expect(await failScanRun(theirs.org.id, { scanRunId, error: "x", now: new Date() })).toBe(false);
    expect(await cancelAssetScanRuns(theirs.org.id, { assetId: mine.asset.id, reason: "x", now: new Date() })).toBe(0);
    await expect(
      recordResolvedHosts(theirs.org.id, {
        scanRunId,
        assetId: mine.asset.id,
        addresses: [{ ip: "127.0.0.9", family: 4, hostname: "x.test", discovered: false }],
        now: new Date(),
      }),
    ).rejects.toThrow(/not found/);
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: scanRunId } })).toMatchObject({ status: "RUNNING" });
  });
});
