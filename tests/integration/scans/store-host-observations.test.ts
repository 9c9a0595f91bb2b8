import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { certificate, createOrgWithAsset, openPort, startRunWithHost } from "./fixtures";

async function intervalsOf(hostId: string) {
  return db.portInterval.findMany({ where: { hostId }, orderBy: [{ port: "asc" }, { firstSeenAt: "asc" }] });
}

async function scanOnce(organizationId: string, assetId: string, ports: ReturnType<typeof openPort>[], at: Date) {
  const { scanRunId, hostId } = await startRunWithHost(organizationId, assetId);
  const stored = await storeHostObservations(organizationId, {
    scanRunId,
    hostId,
    ports,
    catchAll: false,
    observedAt: at,
  });
  return { scanRunId, hostId, stored };
}

describe("storeHostObservations", () => {
  it("stores a host once per scan run: a repeated store writes no duplicate rows", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId, hostId } = await startRunWithHost(org.id, asset.id);
    const input = {
      scanRunId,
      hostId,
      ports: [openPort(22), openPort(443)],
      catchAll: false,
      observedAt: new Date("2026-01-01T00:00:00Z"),
    };

    const first = await storeHostObservations(org.id, input);
    const second = await storeHostObservations(org.id, input);

    expect(first).toMatchObject({ alreadyStored: false, portsOpen: 2, opened: 2 });
    expect(second).toMatchObject({ alreadyStored: true, portsOpen: 2, opened: 2 });
    expect(await db.portInterval.count({ where: { hostId } })).toBe(2);
    expect(await db.exposureChange.count({ where: { scanRunId } })).toBe(2);
    expect(await db.scanHostResult.count({ where: { scanRunId } })).toBe(1);
    const run = await db.scanRun.findUniqueOrThrow({ where: { id: scanRunId } });
    expect(run).toMatchObject({ hostsDone: 1, hostsTotal: 1, portsFound: 2 });
  });

  it("concurrent stores of the same host and run still write once", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId, hostId } = await startRunWithHost(org.id, asset.id);
    const input = { scanRunId, hostId, ports: [openPort(80)], catchAll: false, observedAt: new Date() };
    const results = await Promise.allSettled([
      storeHostObservations(org.id, input),
      storeHostObservations(org.id, input),
    ]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.portInterval.count({ where: { hostId } })).toBe(1);
    expect(await db.scanHostResult.count({ where: { scanRunId } })).toBe(1);
  });

  it("open → unchanged → closed → reopened gives two intervals and the matching exposure changes", async () => {
    const { org, asset } = await createOrgWithAsset();
    const t1 = new Date("2026-01-01T00:00:00Z");
    const t2 = new Date("2026-01-02T00:00:00Z");
    const t3 = new Date("2026-01-03T00:00:00Z");
    const t4 = new Date("2026-01-04T00:00:00Z");

    const s1 = await scanOnce(org.id, asset.id, [openPort(22)], t1);
    const s2 = await scanOnce(org.id, asset.id, [openPort(22)], t2);
    const s3 = await scanOnce(org.id, asset.id, [], t3);
    const s4 = await scanOnce(org.id, asset.id, [openPort(22)], t4);

    expect(s2.stored).toMatchObject({ opened: 0, unchanged: 1, closed: 0 });
    const intervals = await intervalsOf(s1.hostId);
    expect(intervals).toHaveLength(2);
    expect(intervals[0]).toMatchObject({
      port: 22,
      firstSeenAt: t1,
      lastSeenAt: t2,
      closedAt: t3,
      openedByScanRunId: s1.scanRunId,
      closedByScanRunId: s3.scanRunId,
    });
    expect(intervals[1]).toMatchObject({
      port: 22,
      firstSeenAt: t4,
      lastSeenAt: t4,
      closedAt: null,
      openedByScanRunId: s4.scanRunId,
    });

    const changes = await db.exposureChange.findMany({ where: { assetId: asset.id }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => [c.scanRunId, c.kind, c.port])).toEqual([
      [s1.scanRunId, "PORT_OPENED", 22],
      [s3.scanRunId, "PORT_CLOSED", 22],
      [s4.scanRunId, "PORT_OPENED", 22],
    ]);
    expect(changes[1]!.before).toMatchObject({ detectedService: "ssh" });
    expect(changes[1]!.after).toBeNull();
  });

  it("an unchanged port only moves lastSeenAt", async () => {
    const { org, asset } = await createOrgWithAsset();
    const s1 = await scanOnce(
      org.id,
      asset.id,
      [openPort(443, { tls: certificate(), banner: "first" })],
      new Date("2026-02-01T00:00:00Z"),
    );
    // Same service; the banner and cipher differ, which is not a change.
    await scanOnce(
      org.id,
      asset.id,
      [openPort(443, { tls: certificate({ cipher: "OTHER" }), banner: "second" })],
      new Date("2026-02-02T00:00:00Z"),
    );
    const [interval] = await intervalsOf(s1.hostId);
    expect(await db.portInterval.count({ where: { hostId: s1.hostId } })).toBe(1);
    expect(interval).toMatchObject({ banner: "first", lastSeenAt: new Date("2026-02-02T00:00:00Z"), closedAt: null });
  });

  it("a changed detected service closes the old interval and opens a new one", async () => {
    const { org, asset } = await createOrgWithAsset();
    const t1 = new Date("2026-03-01T00:00:00Z");
    const t2 = new Date("2026-03-02T00:00:00Z");
    const s1 = await scanOnce(org.id, asset.id, [openPort(8080, { detectedService: "http" })], t1);
    const s2 = await scanOnce(org.id, asset.id, [openPort(8080, { detectedService: "ssh", product: "OpenSSH" })], t2);
    expect(s2.stored).toMatchObject({ changed: 1, opened: 0, closed: 0 });

    const intervals = await intervalsOf(s1.hostId);
    expect(intervals.map((i) => [i.detectedService, i.closedAt, i.closedByScanRunId])).toEqual([
      ["http", t2, s2.scanRunId],
      ["ssh", null, null],
    ]);
    const change = await db.exposureChange.findFirstOrThrow({ where: { scanRunId: s2.scanRunId } });
    expect(change).toMatchObject({ kind: "SERVICE_CHANGED", port: 8080, protocol: "TCP", hostIp: "127.0.0.10" });
    expect(change.before).toMatchObject({ detectedService: "http" });
    expect(change.after).toMatchObject({ detectedService: "ssh", product: "OpenSSH" });
  });

  it("a renewed certificate is a changed service (the grade reads its dates)", async () => {
    const { org, asset } = await createOrgWithAsset();
    const s1 = await scanOnce(
      org.id,
      asset.id,
      [openPort(443, { tls: certificate() })],
      new Date("2026-04-01T00:00:00Z"),
    );
    await scanOnce(
      org.id,
      asset.id,
      [openPort(443, { tls: certificate({ validTo: "2028-01-01T00:00:00.000Z" }) })],
      new Date("2026-04-02T00:00:00Z"),
    );
    const intervals = await intervalsOf(s1.hostId);
    expect(intervals).toHaveLength(2);
    expect((intervals.find((i) => i.closedAt === null)!.tls as { validTo: string }).validTo).toBe(
      "2028-01-01T00:00:00.000Z",
    );
  });

  it("a site that starts redirecting to HTTPS is a changed service, and the facts are stored", async () => {
    const { org, asset } = await createOrgWithAsset();
    const s1 = await scanOnce(
      org.id,
      asset.id,
      [openPort(80, { facts: { redirectsToHttps: false } })],
      new Date("2026-05-01T00:00:00Z"),
    );
    const s2 = await scanOnce(
      org.id,
      asset.id,
      [openPort(80, { facts: { redirectsToHttps: true } })],
      new Date("2026-05-02T00:00:00Z"),
    );
    expect(s2.stored).toMatchObject({ changed: 1 });
    const intervals = await intervalsOf(s1.hostId);
    expect(intervals.map((i) => [i.facts, i.closedAt === null])).toEqual([
      [{ redirectsToHttps: false }, false],
      [{ redirectsToHttps: true }, true],
    ]);
    const change = await db.exposureChange.findFirstOrThrow({ where: { scanRunId: s2.scanRunId } });
    expect(change.after).toMatchObject({ facts: { redirectsToHttps: true } });
  });

  it("a catch-all host keeps its intervals and is flagged", async () => {
    const { org, asset } = await createOrgWithAsset();
    const s1 = await scanOnce(org.id, asset.id, [openPort(80)], new Date("2026-05-01T00:00:00Z"));
    const { scanRunId, hostId } = await startRunWithHost(org.id, asset.id);
    await storeHostObservations(org.id, {
      scanRunId,
      hostId,
      ports: [],
      catchAll: true,
      observedAt: new Date("2026-05-02T00:00:00Z"),
    });
    expect(hostId).toBe(s1.hostId);
    expect(await db.host.findUniqueOrThrow({ where: { id: hostId } })).toMatchObject({ catchAll: true });
    expect(await db.portInterval.count({ where: { hostId, closedAt: null } })).toBe(1);
    expect(await db.exposureChange.count({ where: { scanRunId } })).toBe(0);
  });

  it("another organisation's ids yield nothing and change nothing", async () => {
    const mine = await createOrgWithAsset();
    const theirs = await createOrgWithAsset();
    const { scanRunId, hostId } = await startRunWithHost(mine.org.id, mine.asset.id);
    await expect(
      storeHostObservations(theirs.org.id, {
        scanRunId,
        hostId,
        ports: [openPort(22)],
        catchAll: false,
        observedAt: new Date(),
      }),
    ).rejects.toThrow(/not found/);
    expect(await db.portInterval.count({ where: { hostId } })).toBe(0);
    expect(await db.scanHostResult.count({ where: { scanRunId } })).toBe(0);
  });
});
