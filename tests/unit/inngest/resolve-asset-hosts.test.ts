import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/scanner", async (original) => ({
  ...(await original<typeof import("@/lib/scanner")>()),
  resolveTarget: vi.fn(),
}));
vi.mock("@/lib/scan-runs/fail-scan-run", () => ({ failScanRun: vi.fn() }));
vi.mock("@/lib/scan-runs/record-resolved-hosts", () => ({ recordResolvedHosts: vi.fn() }));
vi.mock("@/lib/scan-runs/retire-unresolved-hosts", () => ({ retireUnresolvedHosts: vi.fn() }));

const { resolveTarget, TargetRefusedError } = await import("@/lib/scanner");
const { failScanRun } = await import("@/lib/scan-runs/fail-scan-run");
const { recordResolvedHosts } = await import("@/lib/scan-runs/record-resolved-hosts");
const { retireUnresolvedHosts } = await import("@/lib/scan-runs/retire-unresolved-hosts");
const { resolveAssetHosts, MAX_HOSTS_PER_ASSET } = await import("@/lib/scan-runs/resolve-asset-hosts");

const input = {
  scanRunId: "run1",
  assetId: "asset1",
  target: "example.test",
  config: {
    allowedCidrs: ["127.0.0.0/8"],
    deniedCidrs: [],
    dnsServers: ["127.0.0.1:5353"],
    ports: "top-100",
    verifiedPorts: "all",
    udp: false,
  },
  now: new Date("2026-01-01T00:00:00Z"),
};

describe("resolveAssetHosts", () => {
  beforeEach(() => {
    vi.mocked(failScanRun).mockReset().mockResolvedValue(true);
    vi.mocked(recordResolvedHosts).mockReset();
    vi.mocked(retireUnresolvedHosts).mockReset().mockResolvedValue(0);
  });

  it("resolves with discovery and the configured resolver and ranges, then records the hosts", async () => {
    vi.mocked(resolveTarget).mockResolvedValue([
      { ip: "127.0.0.2", family: 4, hostname: "example.test", discovered: false },
    ]);
    vi.mocked(recordResolvedHosts).mockResolvedValue([
      { hostId: "h1", ip: "127.0.0.2", family: 4, hostname: "example.test", discovered: false },
    ]);
    const result = await resolveAssetHosts("org1", input);
    expect(resolveTarget).toHaveBeenCalledWith("example.test", {
      discovery: true,
      allowedCidrs: ["127.0.0.0/8"],
      deniedCidrs: [],
      dnsServers: ["127.0.0.1:5353"],
    });
    expect(result).toMatchObject({ ok: true, hosts: [{ hostId: "h1" }] });
    expect(retireUnresolvedHosts).toHaveBeenCalledWith("org1", expect.objectContaining({ resolvedHostIds: ["h1"] }));
  });

  it("a refused target fails the run with a generic reason; the addresses and ranges go to the server log only", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.mocked(resolveTarget).mockRejectedValue(
      new TargetRefusedError(
        "rfc1918.test",
        "non-public-address",
        "rfc1918.test resolves only to refused addresses: 10.1.2.3 is in 10.0.0.0/8",
      ),
    );
    const result = await resolveAssetHosts("org1", input);
    const generic =
      "rfc1918.test was not scanned: it does not resolve to a public address that Portwatch may scan. Check its DNS A and AAAA records.";
    expect(result).toEqual({ ok: false, reason: generic });
    expect(failScanRun).toHaveBeenCalledWith("org1", expect.objectContaining({ scanRunId: "run1", error: generic }));
    expect(JSON.stringify(vi.mocked(failScanRun).mock.calls)).not.toMatch(/10\.1\.2\.3|10\.0\.0\.0/);
    expect(JSON.stringify(warn.mock.calls)).toContain("10.1.2.3 is in 10.0.0.0/8");
    expect(recordResolvedHosts).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("an unresolvable name reads exactly like a refused one, so the answer says nothing about internal DNS", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.mocked(resolveTarget).mockRejectedValue(
      new TargetRefusedError("nothing.test", "unresolvable", "nothing.test cannot be resolved: no A or AAAA records"),
    );
    const result = await resolveAssetHosts("org1", input);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("does not resolve to a public address") });
  });

  it("other resolver errors propagate, so the step is retried", async () => {
    vi.mocked(resolveTarget).mockRejectedValue(new Error("socket hang up"));
    await expect(resolveAssetHosts("org1", input)).rejects.toThrow("socket hang up");
    expect(failScanRun).not.toHaveBeenCalled();
  });

  it("refuses an asset with more addresses than one job can scan", async () => {
    vi.mocked(resolveTarget).mockResolvedValue(
      Array.from({ length: MAX_HOSTS_PER_ASSET + 1 }, (_, i) => ({
        ip: `127.1.${i >> 8}.${i & 255}`,
        family: 4 as const,
        hostname: "example.test",
        discovered: false,
      })),
    );
    const result = await resolveAssetHosts("org1", input);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`at most ${MAX_HOSTS_PER_ASSET}`) });
    expect(recordResolvedHosts).not.toHaveBeenCalled();
  });
});
