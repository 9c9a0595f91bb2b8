import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/scan-runs/claim-scan-run", () => ({ claimScanRun: vi.fn() }));
vi.mock("@/lib/scan-runs/resolve-asset-hosts", () => ({ resolveAssetHosts: vi.fn() }));
vi.mock("@/lib/scan-runs/scan-and-store-host", () => ({ scanAndStoreHost: vi.fn() }));
vi.mock("@/lib/scan-runs/complete-scan-run", () => ({ completeScanRun: vi.fn() }));
vi.mock("@/lib/scan-runs/fail-scan-run", () => ({ failScanRun: vi.fn() }));

const { claimScanRun } = await import("@/lib/scan-runs/claim-scan-run");
const { resolveAssetHosts } = await import("@/lib/scan-runs/resolve-asset-hosts");
const { scanAndStoreHost } = await import("@/lib/scan-runs/scan-and-store-host");
const { completeScanRun } = await import("@/lib/scan-runs/complete-scan-run");
const { scanAsset } = await import("@/inngest/functions/scan-asset");

const event = {
  name: "asset/scan.requested",
  data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", trigger: "MANUAL" },
} as const;

/** step.sendEvent must not reach any server in unit tests: the announcement step is mocked by its id. */
const announced = { id: "announce-scan-completed-run1", handler: () => ({ ids: ["evt1"] }) };
const announcedFailure = { id: "announce-scan-failed-run1", handler: () => ({ ids: ["evt2"] }) };
const engine = (events: unknown[] = [event]) =>
  new InngestTestEngine({ function: scanAsset, events: events as never, steps: [announced, announcedFailure] });

const host = (ip: string) => ({
  hostId: `h-${ip}`,
  ip,
  family: 4 as const,
  hostname: "example.test",
  discovered: false,
});
const stored = (portsOpen: number) => ({
  alreadyStored: false,
  portsOpen,
  opened: portsOpen,
  closed: 0,
  changed: 0,
  unchanged: 0,
});

describe("scan-asset", () => {
  beforeEach(() => {
    vi.mocked(claimScanRun)
      .mockReset()
      .mockResolvedValue({
        state: "running",
        scanRunId: "run1",
        target: { kind: "DOMAIN", value: "example.test" },
        verified: false,
      });
    vi.mocked(resolveAssetHosts)
      .mockReset()
      .mockResolvedValue({ ok: true, hosts: [host("127.0.0.2"), host("127.0.0.3")], retiredPorts: 0 });
    vi.mocked(scanAndStoreHost)
      .mockReset()
      .mockImplementation(async (_org, input) => stored(input.host.ip === "127.0.0.2" ? 2 : 1));
    vi.mocked(completeScanRun).mockReset().mockResolvedValue(true);
  });

  it("scans each host in its own step, completes the run and announces it", async () => {
    const t = engine();
    const { result, ctx } = await t.execute();

    expect(result).toEqual({ state: "completed", scanRunId: "run1", hostsScanned: 2, portsFound: 3 });
    expect(ctx.step.run).toHaveBeenCalledWith("scan-host-127.0.0.2", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("scan-host-127.0.0.3", expect.any(Function));
    expect(vi.mocked(scanAndStoreHost).mock.calls.map(([org, input]) => [org, input.scanRunId, input.host.ip])).toEqual(
      [
        ["org1", "run1", "127.0.0.2"],
        ["org1", "run1", "127.0.0.3"],
      ],
    );
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-scan-completed-run1",
      expect.objectContaining({
        name: "asset/scan.completed",
        data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", hostsScanned: 2, portsFound: 3 },
      }),
    );
  });

  it("a refused target ends the run as failed, without scanning, and announces the failure", async () => {
    vi.mocked(resolveAssetHosts).mockResolvedValue({ ok: false, reason: "10.0.0.1 is a private address" });
    const t = engine();
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ state: "failed", scanRunId: "run1", reason: "10.0.0.1 is a private address" });
    expect(scanAndStoreHost).not.toHaveBeenCalled();
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-scan-failed-run1",
      expect.objectContaining({
        name: "asset/scan.failed",
        id: "scan-failed-run1",
        data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", error: "10.0.0.1 is a private address" },
      }),
    );
  });

  it("a deleted asset or finished run is skipped", async () => {
    vi.mocked(claimScanRun).mockResolvedValue({
      state: "skipped",
      scanRunId: "run1",
      reason: "The asset was deleted.",
    });
    const t = engine();
    const { result } = await t.execute();
    expect(result).toEqual({ state: "skipped", scanRunId: "run1", reason: "The asset was deleted." });
    expect(resolveAssetHosts).not.toHaveBeenCalled();
  });

  it("a run cancelled meanwhile is not announced", async () => {
    vi.mocked(completeScanRun).mockResolvedValue(false);
    const t = engine();
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ state: "cancelled", scanRunId: "run1" });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("a request without a run creates one whose id is derived from the job run", async () => {
    const t = engine([{ ...event, data: { ...event.data, scanRunId: undefined } }]);
    vi.mocked(claimScanRun).mockResolvedValue({ state: "skipped", scanRunId: null, reason: "x" });
    await t.execute();
    expect(claimScanRun).toHaveBeenCalledWith(
      "org1",
      expect.objectContaining({ scanRunId: undefined, newScanRunId: expect.stringMatching(/^scan_\w{20,}$/) }),
    );
  });

  it("rejects an invalid event before doing anything", async () => {
    const t = engine([{ name: "asset/scan.requested", data: { organizationId: "org1" } }]);
    const { error } = await t.execute();
    expect(String((error as Error)?.message ?? error)).toMatch(/assetId/);
    expect(claimScanRun).not.toHaveBeenCalled();
  });

  it("is cancelled by asset/deleted for the same asset and limited per organisation", () => {
    const config = scanAsset["opts"] as {
      cancelOn: { event: { name: string }; if: string }[];
      concurrency: { key?: string; limit: number }[];
    };
    expect(config.cancelOn[0]!.event.name).toBe("asset/deleted");
    expect(config.cancelOn[0]!.if).toContain("async.data.assetId == event.data.assetId");
    expect(config.concurrency[0]).toMatchObject({ key: "event.data.organizationId" });
    expect(config.concurrency[1]!.key).toBeUndefined();
  });
});
