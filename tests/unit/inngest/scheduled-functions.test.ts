import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/monitoring/claim-due-assets", () => ({ claimDueAssets: vi.fn() }));
vi.mock("@/lib/scan-runs/fail-stale-scan-runs", () => ({ failStaleScanRuns: vi.fn() }));
vi.mock("@/lib/monitoring/purge-deleted-assets", async (original) => ({
  ...(await original<typeof import("@/lib/monitoring/purge-deleted-assets")>()),
  organizationsWithPurgeableAssets: vi.fn(),
  purgeDeletedAssets: vi.fn(),
}));
vi.mock("@/lib/scan-runs/cancel-asset-scan-runs", () => ({ cancelAssetScanRuns: vi.fn() }));
vi.mock("@/lib/grade-snapshots/regrade-organization", () => ({ regradeOrganization: vi.fn() }));

const { claimDueAssets } = await import("@/lib/monitoring/claim-due-assets");
const { failStaleScanRuns } = await import("@/lib/scan-runs/fail-stale-scan-runs");
const { organizationsWithPurgeableAssets, purgeDeletedAssets } = await import("@/lib/monitoring/purge-deleted-assets");
const { cancelAssetScanRuns } = await import("@/lib/scan-runs/cancel-asset-scan-runs");
const { regradeOrganization } = await import("@/lib/grade-snapshots/regrade-organization");
const { monitor } = await import("@/inngest/functions/monitor");
const { purgeDeletedAssetsDaily } = await import("@/inngest/functions/purge-deleted-assets");
const { onAssetDeleted } = await import("@/inngest/functions/asset-deleted");

const cronEvent = [{ name: "inngest/scheduled.timer", data: { cron: "*/15 * * * *" } }] as never;

describe("monitor", () => {
  beforeEach(() => vi.mocked(failStaleScanRuns).mockReset().mockResolvedValue(0));

  it("queues one scan request per due asset, carrying its scheduled run", async () => {
    vi.mocked(claimDueAssets).mockResolvedValue([
      { organizationId: "o1", assetId: "a1", scanRunId: "r1" },
      { organizationId: "o2", assetId: "a2", scanRunId: "r2" },
    ]);
    const t = new InngestTestEngine({
      function: monitor,
      events: cronEvent,
      steps: [{ id: "enqueue-scheduled-scans", handler: () => ({ ids: [] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ queued: 2, staleFailed: 0 });
    expect(claimDueAssets).toHaveBeenCalledWith(
      expect.objectContaining({ perOrganizationCap: expect.any(Number), globalCap: expect.any(Number) }),
    );
    const [, events] = vi.mocked(ctx.step.sendEvent).mock.calls[0]! as unknown as [
      string,
      { name: string; data: object }[],
    ];
    expect(events.map((e) => [e.name, e.data])).toEqual([
      ["asset/scan.requested", { organizationId: "o1", assetId: "a1", scanRunId: "r1", trigger: "SCHEDULED" }],
      ["asset/scan.requested", { organizationId: "o2", assetId: "a2", scanRunId: "r2", trigger: "SCHEDULED" }],
    ]);
  });

  it("sends nothing when nothing is due", async () => {
    vi.mocked(claimDueAssets).mockResolvedValue([]);
    const { ctx } = await new InngestTestEngine({ function: monitor, events: cronEvent }).execute();
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("runs every 15 minutes, one tick at a time", () => {
    const opts = monitor["opts"] as { triggers: { cron: string }[]; concurrency: { limit: number }[] };
    expect(opts.triggers[0]!.cron).toBe("*/15 * * * *");
    expect(opts.concurrency[0]!.limit).toBe(1);
  });
});

describe("purge-deleted-assets", () => {
  it("purges organisation by organisation, each in its own step", async () => {
    vi.mocked(organizationsWithPurgeableAssets).mockResolvedValue(["o1", "o2"]);
    vi.mocked(purgeDeletedAssets).mockResolvedValueOnce(3).mockResolvedValueOnce(1);
    const { result, ctx } = await new InngestTestEngine({
      function: purgeDeletedAssetsDaily,
      events: cronEvent,
    }).execute();
    expect(result).toEqual({ purged: 4, organisations: 2 });
    expect(ctx.step.run).toHaveBeenCalledWith("purge-organisation-o1", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("purge-organisation-o2", expect.any(Function));
    const cutoff = vi.mocked(purgeDeletedAssets).mock.calls[0]![1];
    expect(Date.now() - cutoff.getTime()).toBeGreaterThanOrEqual(30 * 86400_000);
  });
});

describe("asset-deleted", () => {
  it("cancels the asset's scans and regrades the organisation without it", async () => {
    vi.mocked(cancelAssetScanRuns).mockResolvedValue(1);
    vi.mocked(regradeOrganization).mockResolvedValue({
      snapshotId: "s",
      previous: { grade: "D", score: 65 },
      current: { grade: "A", score: 100 },
      changed: true,
      methodVersion: "open-ports-1.0.0",
    });
    const t = new InngestTestEngine({
      function: onAssetDeleted,
      events: [{ name: "asset/deleted", data: { organizationId: "o1", assetId: "a1" } }] as never,
      steps: [{ id: "announce-org-grade-o1", handler: () => ({ ids: [] }) }],
    });
    const { ctx } = await t.execute();
    expect(cancelAssetScanRuns).toHaveBeenCalledWith("o1", expect.objectContaining({ assetId: "a1" }));
    expect(regradeOrganization).toHaveBeenCalledWith("o1", expect.objectContaining({ cause: "asset-deleted:a1" }));
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-org-grade-o1",
      expect.objectContaining({ name: "org/grade.changed" }),
    );
  });
});
