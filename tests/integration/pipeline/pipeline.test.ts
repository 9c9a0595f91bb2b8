import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPipeline, waitFor, type Pipeline } from "./pipeline-harness";
import { listen } from "./loopback-services";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";
import { db } from "@/lib/db/client";
import { requestScan } from "@/lib/scan-runs/request-scan";
import { inngest } from "@/inngest";
import { assetDeleted } from "@/inngest/events";

/**
 * End to end through the local executor: a domain resolving (through a test DNS server) to three
 * loopback hosts, each listening on one port; the scan stores observations and grades.
 */
const IPS = { web: "127.77.0.11", www: "127.77.0.12", mail: "127.77.0.13" };

let pipeline: Pipeline;
let dns: DnsServer;
const closers: (() => Promise<void>)[] = [];
let ports: { ssh: number; http: number; silent: number };

beforeAll(async () => {
  const ssh = await listen(IPS.web, "ssh");
  const httpService = await listen(IPS.www, "http");
  // Accepts and never answers: detection waits for its timeouts, so this host's step is slow.
  const silent = await listen(IPS.mail, "silent");
  closers.push(ssh.close, httpService.close, silent.close);
  ports = { ssh: ssh.service.port, http: httpService.service.port, silent: silent.service.port };

  dns = await startDnsServer({
    "shop.example.test": { A: [IPS.web], MX: [{ preference: 10, exchange: "mail.shop.example.test" }] },
    "www.shop.example.test": { A: [IPS.www] },
    "mail.shop.example.test": { A: [IPS.mail] },
  });
  closers.push(dns.stop);
  process.env.SCAN_ALLOWED_CIDRS = "127.0.0.0/8";
  process.env.SCANNER_DNS_SERVERS = dns.address;
  process.env.SCAN_PORTS = `${ports.ssh},${ports.http},${ports.silent}`;
  pipeline = await startPipeline();
  closers.unshift(() => pipeline.close());
});

afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
});

async function scanNow(organizationId: string, assetId: string) {
  const run = await requestScan(organizationId, { assetId, trigger: "MANUAL" });
  // Asking again while it is queued or running returns the same run.
  expect((await requestScan(organizationId, { assetId, trigger: "MANUAL" })).id).toBe(run.id);
  return run.id;
}

const finished = (scanRunId: string) =>
  waitFor(`scan ${scanRunId} to finish`, async () => {
    const run = await db.scanRun.findUniqueOrThrow({ where: { id: scanRunId } });
    return run.status === "QUEUED" || run.status === "RUNNING" ? null : run;
  });

const graded = (assetId: string, scanRunId: string) =>
  waitFor(`grade of ${scanRunId}`, () => db.gradeSnapshot.findFirst({ where: { assetId, scanRunId } }));

describe("scan pipeline through the local executor", () => {
  it("scans every host of the domain, stores observations once, grades the asset and the organisation; survives an executor restart", async () => {
    const org = await db.organization.create({ data: { name: "Shop", plan: "STARTER" } });
    const asset = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "shop.example.test" },
    });

    const first = await scanNow(org.id, asset.id);
    expect(await finished(first)).toMatchObject({
      status: "COMPLETED",
      hostsTotal: 3,
      hostsDone: 3,
      portsFound: 3,
      error: null,
    });
    const hosts = await db.host.findMany({ where: { assetId: asset.id }, orderBy: { ip: "asc" } });
    expect(hosts.map((h) => [h.ip, h.hostname, h.discovered])).toEqual([
      [IPS.web, "shop.example.test", false],
      [IPS.www, "www.shop.example.test", true],
      [IPS.mail, "mail.shop.example.test", true],
    ]);
    const intervals = await db.portInterval.findMany({ where: { assetId: asset.id }, include: { host: true } });
    const byIp = Object.fromEntries(intervals.map((i) => [i.host.ip, i]));
    expect(intervals).toHaveLength(3);
    expect(byIp[IPS.web]).toMatchObject({
      port: ports.ssh,
      detectedService: "ssh",
      product: "OpenSSH",
      closedAt: null,
    });
    expect(byIp[IPS.www]).toMatchObject({ port: ports.http, detectedService: "http", closedAt: null });
    expect(byIp[IPS.mail]).toMatchObject({ port: ports.silent, closedAt: null });
    expect(await db.exposureChange.count({ where: { scanRunId: first, kind: "PORT_OPENED" } })).toBe(3);

    const snapshot = await graded(asset.id, first);
    const storedAsset = await db.asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(storedAsset).toMatchObject({ grade: snapshot.grade, score: snapshot.score });
    expect(storedAsset.score).toBeLessThan(100); // SSH and cleartext HTTP are findings
    const orgGrade = await waitFor(
      "organisation grade",
      async () => (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).grade,
    );
    expect(orgGrade).toMatch(/^[A-F]$/);

    // Second scan; the executor is stopped while host steps are in flight and started again.
    const second = await scanNow(org.id, asset.id);
    const midRun = await waitFor("a host of the second scan to be stored", async () => {
      const run = await db.scanRun.findUniqueOrThrow({ where: { id: second } });
      return run.hostsDone >= 1 ? run : null;
    });
    // The silent host's detection takes seconds: the restart really happens mid-run.
    expect(midRun).toMatchObject({ status: "RUNNING" });
    expect(midRun.hostsDone).toBeLessThan(3);
    await pipeline.restartExecutor();
    expect(await finished(second)).toMatchObject({ status: "COMPLETED", hostsDone: 3, portsFound: 3 });
    await graded(asset.id, second);

    expect(await db.scanHostResult.count({ where: { scanRunId: second } })).toBe(3);
    expect(await db.portInterval.count({ where: { assetId: asset.id } })).toBe(3);
    expect(await db.exposureChange.count({ where: { scanRunId: second } })).toBe(0);
    expect(await db.gradeSnapshot.count({ where: { assetId: asset.id, scanRunId: second } })).toBe(1);
    expect(await db.host.count({ where: { assetId: asset.id } })).toBe(3);
    // Two whole scans (one with a host that answers only with silence) and an executor restart.
  }, 180_000);

  it("a domain resolving to a non-public address is a failed run with a generic reason that names no address", async () => {
    delete process.env.SCAN_ALLOWED_CIDRS;
    try {
      const org = await db.organization.create({ data: { name: "Refused", plan: "STARTER" } });
      const asset = await db.asset.create({
        data: { organizationId: org.id, kind: "DOMAIN", value: "shop.example.test" },
      });
      const run = await scanNow(org.id, asset.id);
      const done = await finished(run);
      expect(done.status).toBe("FAILED");
      expect(done.error).toMatch(/shop\.example\.test was not scanned: it does not resolve to a public address/);
      expect(done.error).not.toMatch(/127\.77/);
      expect(await db.host.count({ where: { assetId: asset.id } })).toBe(0);
    } finally {
      process.env.SCAN_ALLOWED_CIDRS = "127.0.0.0/8";
    }
  });

  it("deleting the asset stops its running scan and marks the run cancelled", async () => {
    const org = await db.organization.create({ data: { name: "Deleted", plan: "STARTER" } });
    const asset = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "shop.example.test" },
    });
    const run = await scanNow(org.id, asset.id);
    await waitFor(
      "a host stored",
      async () => (await db.scanRun.findUniqueOrThrow({ where: { id: run } })).hostsDone >= 1,
    );

    await db.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    await inngest.send(assetDeleted.create({ organizationId: org.id, assetId: asset.id }));

    expect(await finished(run)).toMatchObject({ status: "CANCELLED", error: "The asset was deleted." });
    const job = await waitFor("the scan job to end", async () => {
      const jobs = await db.executorRun.findMany({ where: { functionId: "portwatch-scan-asset" } });
      const mine = jobs.find((j) => (j.event as { data: { scanRunId?: string } }).data.scanRunId === run);
      return mine && mine.status !== "RUNNING" ? mine : null;
    });
    expect(job.status).toBe("CANCELLED");
    expect(await db.gradeSnapshot.count({ where: { scanRunId: run } })).toBe(0);
  });

  it("a broken scanner setting fails the run with the variable named, through onFailure", async () => {
    const ports = process.env.SCAN_PORTS;
    process.env.SCAN_PORTS = "22,not-a-port";
    try {
      const org = await db.organization.create({ data: { name: "Misconfigured", plan: "STARTER" } });
      const asset = await db.asset.create({
        data: { organizationId: org.id, kind: "DOMAIN", value: "shop.example.test" },
      });
      const run = await scanNow(org.id, asset.id);
      const done = await finished(run);
      expect(done.status).toBe("FAILED");
      expect(done.error).toMatch(/^The scan failed: SCAN_PORTS is invalid/);
    } finally {
      process.env.SCAN_PORTS = ports;
    }
  });
});
