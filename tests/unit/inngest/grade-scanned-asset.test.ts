import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/grade-snapshots/grade-asset-exposure", () => ({ gradeAssetExposure: vi.fn() }));
vi.mock("@/lib/grade-snapshots/regrade-organization", () => ({ regradeOrganization: vi.fn() }));

const { gradeAssetExposure } = await import("@/lib/grade-snapshots/grade-asset-exposure");
const { regradeOrganization } = await import("@/lib/grade-snapshots/regrade-organization");
const { gradeScannedAsset } = await import("@/inngest/functions/grade-scanned-asset");

const event = {
  name: "asset/scan.completed",
  data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", hostsScanned: 1, portsFound: 2 },
};
const engine = () =>
  new InngestTestEngine({
    function: gradeScannedAsset,
    events: [event] as never,
    steps: [{ id: "announce-org-grade-org1", handler: () => ({ ids: ["e"] }) }],
  });

const regrade = (changed: boolean) => ({
  snapshotId: "snap1",
  previous: { grade: "A", score: 95 },
  current: { grade: changed ? ("C" as const) : ("A" as const), score: changed ? 79 : 95 },
  changed,
  methodVersion: "open-ports-1.0.0",
});

describe("grade-asset", () => {
  beforeEach(() => {
    vi.mocked(gradeAssetExposure)
      .mockReset()
      .mockResolvedValue({ snapshotId: "a1", grade: "C", score: 79, methodVersion: "open-ports-1.0.0" });
    vi.mocked(regradeOrganization).mockReset();
  });

  it("grades the asset, then the organisation, and announces a changed organisation grade", async () => {
    vi.mocked(regradeOrganization).mockResolvedValue(regrade(true));
    const { ctx } = await engine().execute();
    expect(gradeAssetExposure).toHaveBeenCalledWith(
      "org1",
      expect.objectContaining({ assetId: "asset1", scanRunId: "run1" }),
    );
    expect(regradeOrganization).toHaveBeenCalledWith(
      "org1",
      expect.objectContaining({ cause: "scan:run1", scanRunId: "run1" }),
    );
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-org-grade-org1",
      expect.objectContaining({
        name: "org/grade.changed",
        data: expect.objectContaining({
          organizationId: "org1",
          previous: { grade: "A", score: 95 },
          current: { grade: "C", score: 79 },
        }),
      }),
    );
  });

  it("announces no organisation grade change when it did not move, only that the asset is graded (for alerts)", async () => {
    vi.mocked(regradeOrganization).mockResolvedValue(regrade(false));
    const { ctx } = await engine().execute();
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-asset-graded-run1",
      expect.objectContaining({
        name: "asset/grading.completed",
        id: "asset-graded-run1",
        data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", snapshotId: "a1" },
      }),
    );
  });

  it("skips a deleted asset", async () => {
    vi.mocked(gradeAssetExposure).mockResolvedValue(null);
    const { result } = await engine().execute();
    expect(result).toMatchObject({ state: "skipped" });
    expect(regradeOrganization).not.toHaveBeenCalled();
  });
});
