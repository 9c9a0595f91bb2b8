import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("./event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { addAssetAction, scanAssetAction, verifyAssetAction } from "@/app/(app)/assets/actions";
import { createOrganizationAction } from "@/app/(app)/organizations/new/actions";
import { checkOwnership as verifyAsset } from "@/lib/asset-verification/verify-asset";
import { recheckVerifications } from "@/lib/asset-verification/recheck-verifications";
import { claimScanRun } from "@/lib/scan-runs/claim-scan-run";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import { PLAN_LIMITS, STANDARD_SCAN } from "@/lib/plans/plans";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const LOOPBACK = ["127.0.0.0/8"];
const HOUR = 3_600_000;

/** A loopback web server that serves `files[path]`, recording every request. */
async function startWebServer(files: Record<string, string>) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.headers.host} ${req.url}`);
    const body = files[req.url ?? ""];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/plain" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A port nothing listens on, for the HTTPS attempt. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

afterAll(() => capture.close());

describe("proof of ownership", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let dns: DnsServer;
  let noHttps: number;

  const addAsset = async (value: string) => {
    const result = await addAssetAction(undefined, form({ value }));
    expect(result).toMatchObject({ success: expect.any(String) });
    return db.asset.findFirstOrThrow({ where: { organizationId: org.id, value } });
  };

  beforeAll(async () => {
    noHttps = await closedPort();
  });

  beforeEach(async () => {
    owner = await createUser();
    org = await createOrg(owner, { plan: "PRO", trialEndsAt: null });
    signInAs(owner);
  });

  it("verifies a domain by its DNS TXT record on the loopback test DNS server, and not with another asset's value", async () => {
    const asset = await addAsset("owned.test");
    const other = await addAsset("other.test");
    dns = await startDnsServer({
      "_portwatch-verification.owned.test": { TXT: [`portwatch-verification=${asset.verificationToken}`] },
      "_portwatch-verification.other.test": { TXT: [`portwatch-verification=${asset.verificationToken}`] },
    });
    try {
      const config = { dnsServers: [dns.address], allowedCidrs: LOOPBACK, deniedCidrs: [] };
      expect(await verifyAsset(org.id, asset.id, null, { config, httpPort: noHttps, httpsPort: noHttps })).toEqual({
        verified: true,
        method: "dns-txt",
      });
      expect(await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).toMatchObject({
        verifiedAt: expect.any(Date),
        verificationMethod: "dns-txt",
      });
      // other.test publishes owned.test's secret: that proves nothing about other.test.
      const refused = await verifyAsset(org.id, other.id, null, { config, httpPort: noHttps, httpsPort: noHttps });
      expect(refused).toMatchObject({
        verified: false,
        reason: expect.stringContaining("_portwatch-verification.other.test"),
      });
      expect(
        await db.auditEvent.findMany({
          where: { organizationId: org.id, action: { startsWith: "asset.verif" } },
          select: { action: true },
        }),
      ).toEqual(expect.arrayContaining([{ action: "asset.verified" }, { action: "asset.verification_failed" }]));
    } finally {
      await dns.stop();
    }
  });

  it("verifies a domain and an IP address by the well-known file on a loopback web server, fetched only where policy allows", async () => {
    const domain = await addAsset("web.test");
    const ip = await addAsset("127.0.0.1");
    const web = await startWebServer({
      "/.well-known/portwatch-verification.txt": `${domain.verificationToken}\n${ip.verificationToken}\n`,
    });
    dns = await startDnsServer({ "web.test": { A: ["127.0.0.1"] } });
    try {
      const options = { httpPort: web.port, httpsPort: noHttps };
      // Without loopback opted in, the address policy refuses the fetch: no request reaches the server.
      const strict = { dnsServers: [dns.address], allowedCidrs: [], deniedCidrs: [] };
      expect(await verifyAsset(org.id, domain.id, null, { config: strict, ...options })).toMatchObject({
        verified: false,
      });
      expect(web.requests).toEqual([]);

      const config = { dnsServers: [dns.address], allowedCidrs: LOOPBACK, deniedCidrs: [] };
      expect(await verifyAsset(org.id, domain.id, null, { config, ...options })).toEqual({
        verified: true,
        method: "http-file",
      });
      expect(web.requests).toContain(`web.test:${web.port} /.well-known/portwatch-verification.txt`);
      expect(await verifyAsset(org.id, ip.id, null, { config, ...options })).toEqual({
        verified: true,
        method: "http-file",
      });
      // The operator's deny list wins over everything.
      const denied = { ...config, deniedCidrs: ["127.0.0.1/32"] };
      expect(await verifyAsset(org.id, ip.id, null, { config: denied, ...options })).toMatchObject({ verified: false });
    } finally {
      await web.close();
      await dns.stop();
    }
  });

  it("verifies an IP address that one of the organisation's verified domains resolves to", async () => {
    const domain = await addAsset("parent.test");
    const ip = await addAsset("127.0.0.77");
    await db.host.create({
      data: { organizationId: org.id, assetId: domain.id, ip: "127.0.0.77", hostname: "parent.test" },
    });
    const config = { dnsServers: ["127.0.0.1:1"], allowedCidrs: [], deniedCidrs: [] };
    expect(await verifyAsset(org.id, ip.id, null, { config, httpPort: noHttps, httpsPort: noHttps })).toMatchObject({
      verified: false,
    });
    await db.asset.update({
      where: { id: domain.id },
      data: { verifiedAt: new Date(), verificationMethod: "dns-txt" },
    });
    expect(
      await verifyAsset(org.id, ip.id, null, {
        config,
        httpPort: noHttps,
        httpsPort: noHttps,
        now: new Date(Date.now() + 60_000),
      }),
    ).toEqual({
      verified: true,
      method: "verified-domain",
    });
  });

  it("the weekly re-check takes verification away once the proof is gone", async () => {
    const asset = await addAsset("gone.test");
    await db.asset.updateMany({ data: { verifiedAt: null } });
    await db.asset.update({
      where: { id: asset.id },
      data: { verifiedAt: new Date(), verificationMethod: "dns-txt", verificationCheckedAt: new Date() },
    });
    dns = await startDnsServer({ "gone.test": { A: ["127.0.0.1"] } });
    try {
      const config = { dnsServers: [dns.address], allowedCidrs: [], deniedCidrs: [] };
      // Checked today: not due yet.
      expect(await recheckVerifications({ config, httpPort: noHttps, httpsPort: noHttps })).toEqual({
        kept: 0,
        lost: 0,
      });
      const nextWeek = new Date(Date.now() + 8 * 24 * HOUR);
      expect(await recheckVerifications({ config, httpPort: noHttps, httpsPort: noHttps, now: nextWeek })).toEqual({
        kept: 0,
        lost: 1,
      });
      expect(await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).toMatchObject({
        verifiedAt: null,
        verificationError: expect.any(String),
      });
      expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "asset.verification_lost" } })).toBe(
        1,
      );
    } finally {
      await dns.stop();
    }
  });

  it('"Verify now" is for admins and owners with a confirmed address, and says what is missing', async () => {
    const asset = await addAsset("nothing.test");
    vi.stubEnv("SCANNER_DNS_SERVERS", "127.0.0.1:1");
    try {
      const viewer = await createUser();
      await addMember(org, viewer, "VIEWER");
      signInAs(viewer);
      expect(await verifyAssetAction(undefined, form({ assetId: asset.id }))).toMatchObject({ code: "forbidden" });
      signInAs(owner);
      const result = await verifyAssetAction(undefined, form({ assetId: asset.id }));
      expect(result).toMatchObject({
        code: "invalid_input",
        error: expect.stringMatching(/^Not verified yet\. No TXT record _portwatch-verification\.nothing\.test/),
      });
      // Each check queries DNS and the web server: not again at once.
      expect(await verifyAssetAction(undefined, form({ assetId: asset.id }))).toMatchObject({ code: "rate_limited" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("scanner abuse limits", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;

  beforeEach(async () => {
    owner = await createUser();
    org = await createOrg(owner);
    signInAs(owner);
  });

  const finishRuns = () =>
    db.scanRun.updateMany({
      where: { organizationId: org.id, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "COMPLETED" },
    });

  it('"Scan now" eight times in a row starts one scan; the asset then cools down', async () => {
    expect(await addAssetAction(undefined, form({ value: "busy.test" }))).toMatchObject({
      success: expect.stringMatching(/first scan has started/),
    });
    const asset = await db.asset.findFirstOrThrow({ where: { organizationId: org.id, value: "busy.test" } });
    await finishRuns();
    const results = [];
    for (let i = 0; i < 8; i++) {
      results.push(await scanAssetAction(undefined, form({ assetId: asset.id })));
      await finishRuns();
    }
    expect(await db.scanRun.count({ where: { assetId: asset.id } })).toBe(1);
    expect(results).toEqual(
      Array(8).fill(
        expect.objectContaining({ code: "rate_limited", error: expect.stringMatching(/scan it again in \d+ minutes/) }),
      ),
    );
  });

  it("an unverified asset gets a few on-demand scans a day; a verified one as many as its plan gives", async () => {
    await addAssetAction(undefined, form({ value: "daily.test" }));
    const asset = await db.asset.findFirstOrThrow({ where: { organizationId: org.id, value: "daily.test" } });
    await finishRuns();
    // Earlier on-demand scans today, each past its cooldown.
    for (let i = 1; i < STANDARD_SCAN.onDemandScansPerAssetPerDay; i++) {
      await db.scanRun.create({
        data: {
          organizationId: org.id,
          assetId: asset.id,
          trigger: "MANUAL",
          portSpec: "top-1000",
          status: "COMPLETED",
          createdAt: new Date(Date.now() - i * HOUR),
        },
      });
    }
    await db.scanRun.updateMany({ where: { assetId: asset.id }, data: { createdAt: new Date(Date.now() - 5 * HOUR) } });
    expect(await scanAssetAction(undefined, form({ assetId: asset.id }))).toMatchObject({
      code: "rate_limited",
      error: expect.stringMatching(/Verify it to scan more often/),
    });
    await db.asset.update({ where: { id: asset.id }, data: { verifiedAt: new Date() } });
    // The trial gives every asset as few on-demand scans as an unverified one gets; a paid plan gives more.
    expect(await scanAssetAction(undefined, form({ assetId: asset.id }))).toMatchObject({
      code: "rate_limited",
      error: expect.stringMatching(/Your plan \(Free trial\) includes 3 on-demand scans of one asset a day/),
    });
    await db.organization.update({ where: { id: org.id }, data: { plan: "STARTER" } });
    try {
      expect(await scanAssetAction(undefined, form({ assetId: asset.id }))).toMatchObject({ success: "Scan started." });
    } finally {
      await db.organization.update({ where: { id: org.id }, data: { plan: "TRIAL" } });
    }
  });

  it("the plan's asset cap holds", async () => {
    const cap = PLAN_LIMITS.TRIAL.maxAssets;
    for (let i = 0; i < cap; i++) {
      await db.asset.create({ data: { organizationId: org.id, kind: "DOMAIN", value: `a${i}.test` } });
    }
    expect(await addAssetAction(undefined, form({ value: "one-too-many.test" }))).toMatchObject({
      code: "plan_limit",
      error: expect.stringMatching(`up to ${cap} assets`),
    });
  });

  it("an unverified asset gets the standard ports and daily cadence even on the biggest plan; a verified one every port", async () => {
    const big = await createOrg(owner, { plan: "ENTERPRISE", trialEndsAt: null });
    const asset = await db.asset.create({ data: { organizationId: big.id, kind: "DOMAIN", value: "big.test" } });
    const now = new Date();
    const input = {
      assetId: asset.id,
      newScanRunId: `run-${asset.id}-1`,
      trigger: "SCHEDULED" as const,
      portSpecs: { standard: "top-1000", verified: "all" },
      now,
    };
    expect(await claimScanRun(big.id, input)).toMatchObject({ state: "running", verified: false });
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: input.newScanRunId } })).toMatchObject({
      portSpec: "top-1000",
    });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).nextScanAt).toEqual(
      new Date(now.getTime() + 24 * HOUR),
    );

    await db.asset.update({ where: { id: asset.id }, data: { verifiedAt: now } });
    const second = { ...input, newScanRunId: `run-${asset.id}-2` };
    expect(await claimScanRun(big.id, second)).toMatchObject({ state: "running", verified: true });
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: second.newScanRunId } })).toMatchObject({
      portSpec: "all",
    });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).nextScanAt).toEqual(
      new Date(now.getTime() + HOUR),
    );
  });

  it("the scheduler stops at an organisation's daily scan budget and serves the others", async () => {
    const spent = await createOrg(owner);
    const fresh = await createOrg(await createUser());
    const a = await db.asset.create({ data: { organizationId: spent.id, kind: "DOMAIN", value: "spent.test" } });
    const b = await db.asset.create({ data: { organizationId: fresh.id, kind: "DOMAIN", value: "fresh.test" } });
    await db.scanRun.createMany({
      data: Array.from({ length: PLAN_LIMITS.TRIAL.scansPerDay }, () => ({
        organizationId: spent.id,
        assetId: a.id,
        trigger: "SCHEDULED" as const,
        portSpec: "top-1000",
        status: "COMPLETED" as const,
        createdAt: new Date(Date.now() - HOUR),
      })),
    });
    const picked = await claimDueAssets({
      now: new Date(),
      tickId: `t-${a.id}`,
      perOrganizationCap: 25,
      globalCap: 500,
    });
    expect(picked.map((p) => p.assetId)).toContain(b.id);
    expect(picked.map((p) => p.assetId)).not.toContain(a.id);
  });

  it("one free trial per person: a second organisation starts without one", async () => {
    const person = await createUser();
    signInAs(person);
    expect(await createOrganizationAction(undefined, form({ name: "First" }))).toMatchObject({
      success: expect.stringMatching(/14-day free trial/),
    });
    expect(await createOrganizationAction(undefined, form({ name: "Second" }))).toMatchObject({
      success: expect.stringMatching(/without a trial/),
    });
    const second = await db.organization.findFirstOrThrow({
      where: { name: "Second", memberships: { some: { userId: person.id } } },
    });
    expect(second.trialEndsAt!.getTime()).toBeLessThanOrEqual(Date.now());
    signInAs(owner);
  });
});
