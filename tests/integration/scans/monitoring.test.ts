import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import {
  organizationsWithPurgeableAssets,
  purgeCutoff,
  purgeDeletedAssets,
} from "@/lib/monitoring/purge-deleted-assets";
import { failStaleScanRuns } from "@/lib/scan-runs/fail-stale-scan-runs";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { openPort, startRunWithHost } from "./fixtures";

const NOW = new Date("2026-08-01T12:00:00Z");
const past = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

async function org(
  name: string,
  plan: "TRIAL" | "STARTER" | "PRO" | "ENTERPRISE",
  assets: number,
  trialEndsAt: Date | null = null,
) {
  const o = await db.organization.create({ data: { name, plan, trialEndsAt } });
  for (let i = 0; i < assets; i++) {
    await db.asset.create({
      data: { organizationId: o.id, kind: "DOMAIN", value: `a${i}.${name}.test`, nextScanAt: past(1 + i) },
    });
  }
  return o;
}

describe("monitor scheduling", () => {
  it("queues due assets fairly across organisations within both caps, and a retried tick returns the same scans", async () => {
    await db.scanRun.deleteMany({});
    await db.asset.deleteMany({});
    const big = await org("big", "ENTERPRISE", 6);
    // Verified assets get the plan's cadence (hourly here); unverified ones at most daily.
    await db.asset.updateMany({ where: { organizationId: big.id }, data: { verifiedAt: NOW } });
    const small = await org("small", "STARTER", 2);
    const expired = await org("expired", "TRIAL", 2, past(24));
    const trial = await org("trial", "TRIAL", 1, new Date(NOW.getTime() + 86400_000));
    await db.asset.create({
      data: {
        organizationId: small.id,
        kind: "DOMAIN",
        value: "later.small.test",
        nextScanAt: new Date(NOW.getTime() + 3600_000),
      },
    });
    await db.asset.create({
      data: {
        organizationId: small.id,
        kind: "DOMAIN",
        value: "gone.small.test",
        nextScanAt: past(100),
        deletedAt: past(1),
      },
    });

    const input = { now: NOW, tickId: "tick1", perOrganizationCap: 3, globalCap: 5 };
    const due = await claimDueAssets(input);
    const byOrg = (id: string) => due.filter((d) => d.organizationId === id).length;

    expect(due).toHaveLength(5);
    // Round-robin: every organisation's first asset before anyone's second; the big one is capped.
    expect([byOrg(big.id), byOrg(small.id), byOrg(trial.id), byOrg(expired.id)]).toEqual([2, 2, 1, 0]);
    expect(await claimDueAssets(input)).toEqual(due);
    expect(await db.scanRun.count({ where: { status: "QUEUED", trigger: "SCHEDULED" } })).toBe(5);

    const bigAsset = await db.asset.findFirstOrThrow({
      where: { id: due.find((d) => d.organizationId === big.id)!.assetId },
    });
    expect(bigAsset.nextScanAt).toEqual(new Date(NOW.getTime() + 3600_000));

    // Next tick: assets with a queued scan are skipped, the rest of the big organisation comes next.
    const next = await claimDueAssets({ ...input, tickId: "tick2" });
    expect(next.map((d) => d.organizationId)).toEqual([big.id, big.id, big.id]);
    expect(new Set([...due, ...next].map((d) => d.assetId)).size).toBe(8);
  });

  it("fails runs whose job was lost, so their assets are scheduled again", async () => {
    const o = await org("stale", "PRO", 1);
    const asset = await db.asset.findFirstOrThrow({ where: { organizationId: o.id } });
    const run = await db.scanRun.create({
      data: { organizationId: o.id, assetId: asset.id, trigger: "SCHEDULED", portSpec: "top-1000", createdAt: past(3) },
    });
    expect(await failStaleScanRuns(NOW)).toBeGreaterThanOrEqual(1);
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED" });
  });

  it("purges assets deleted more than 30 days ago with their history, per organisation", async () => {
    const o = await org("purge", "STARTER", 0);
    const old = await db.asset.create({ data: { organizationId: o.id, kind: "DOMAIN", value: "old.purge.test" } });
    const recent = await db.asset.create({
      data: { organizationId: o.id, kind: "DOMAIN", value: "recent.purge.test", deletedAt: past(29 * 24) },
    });
    const { scanRunId, hostId } = await startRunWithHost(o.id, old.id);
    await storeHostObservations(o.id, { scanRunId, hostId, ports: [openPort(22)], catchAll: false, observedAt: NOW });
    await db.asset.update({ where: { id: old.id }, data: { deletedAt: past(31 * 24) } });

    const cutoff = purgeCutoff(NOW);
    expect(await organizationsWithPurgeableAssets(cutoff)).toContain(o.id);
    const otherOrg = await db.organization.create({ data: { name: "other" } });
    expect(await purgeDeletedAssets(otherOrg.id, cutoff)).toBe(0);
    expect(await purgeDeletedAssets(o.id, cutoff)).toBe(1);
    expect(await db.asset.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.asset.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.portInterval.count({ where: { assetId: old.id } })).toBe(0);
    expect(await db.scanRun.count({ where: { id: scanRunId } })).toBe(0);
  });
});
