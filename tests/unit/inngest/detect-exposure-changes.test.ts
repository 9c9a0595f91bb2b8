import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/scan-runs/list-scan-exposure-changes", () => ({ listScanExposureChanges: vi.fn() }));
vi.mock("@/lib/scan-runs/is-baseline-scan", () => ({ isBaselineScan: vi.fn() }));

const { listScanExposureChanges } = await import("@/lib/scan-runs/list-scan-exposure-changes");
const { isBaselineScan } = await import("@/lib/scan-runs/is-baseline-scan");
const { detectExposureChanges } = await import("@/inngest/functions/detect-exposure-changes");

const event = {
  name: "asset/scan.completed",
  data: { organizationId: "org1", assetId: "asset1", scanRunId: "run1", hostsScanned: 1, portsFound: 1 },
};
const ssh = {
  state: "open" as const,
  typicalService: "ssh",
  pendingClassification: false,
  detectedService: "ssh",
  product: null,
  version: null,
  versionRevision: null,
  tls: null,
  banner: "SSH-2.0-OpenSSH_9.6",
  facts: {},
};
const change = (i: number, kind: "PORT_OPENED" | "PORT_CLOSED" | "SERVICE_CHANGED") => ({
  id: `chg${i}`,
  assetId: "asset1",
  scanRunId: "run1",
  ip: "127.0.0.2",
  port: 1000 + i,
  protocol: "tcp" as const,
  kind,
  before: kind === "PORT_OPENED" ? null : ssh,
  after: kind === "PORT_CLOSED" ? null : { ...ssh, detectedService: "http" },
  detectedAt: "2026-01-01T00:00:00.000Z",
});
const sendSteps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `announce-exposure-changes-run1-${i}`, handler: () => ({ ids: [] }) }));

describe("detect-exposure-changes", () => {
  beforeEach(() => {
    vi.mocked(isBaselineScan).mockReset().mockResolvedValue(false);
  });

  it("announces each opening, closing and service change with ip, port, protocol, before and after", async () => {
    vi.mocked(listScanExposureChanges).mockResolvedValue([
      change(1, "PORT_OPENED"),
      change(2, "PORT_CLOSED"),
      change(3, "SERVICE_CHANGED"),
    ]);
    const t = new InngestTestEngine({ function: detectExposureChanges, events: [event] as never, steps: sendSteps(1) });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ announced: 3, baseline: false });
    const [, events] = vi.mocked(ctx.step.sendEvent).mock.calls[0]! as unknown as [
      string,
      { name: string; id: string; data: Record<string, unknown> }[],
    ];
    expect(events.map((e) => [e.name, e.id, e.data.kind, e.data.ip, e.data.port, e.data.protocol])).toEqual([
      ["asset/exposure.changed", "exposure-chg1", "PORT_OPENED", "127.0.0.2", 1001, "tcp"],
      ["asset/exposure.changed", "exposure-chg2", "PORT_CLOSED", "127.0.0.2", 1002, "tcp"],
      ["asset/exposure.changed", "exposure-chg3", "SERVICE_CHANGED", "127.0.0.2", 1003, "tcp"],
    ]);
    expect(events[2]!.data).toMatchObject({
      before: { detectedService: "ssh" },
      after: { detectedService: "http" },
      baseline: false,
    });
  });

  it("sends large change sets in batches and marks a first scan as baseline", async () => {
    vi.mocked(isBaselineScan).mockResolvedValue(true);
    vi.mocked(listScanExposureChanges).mockResolvedValue(
      Array.from({ length: 250 }, (_, i) => change(i, "PORT_OPENED")),
    );
    const t = new InngestTestEngine({ function: detectExposureChanges, events: [event] as never, steps: sendSteps(3) });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ announced: 250, baseline: true });
    expect(vi.mocked(ctx.step.sendEvent).mock.calls.map(([id, events]) => [id, (events as unknown[]).length])).toEqual([
      ["announce-exposure-changes-run1-0", 100],
      ["announce-exposure-changes-run1-1", 100],
      ["announce-exposure-changes-run1-2", 50],
    ]);
  });

  it("sends nothing when nothing changed", async () => {
    vi.mocked(listScanExposureChanges).mockResolvedValue([]);
    const t = new InngestTestEngine({ function: detectExposureChanges, events: [event] as never });
    const { ctx } = await t.execute();
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});
