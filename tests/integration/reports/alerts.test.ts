import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { closeSmtpTransports } from "@/lib/mail/transport";
import { mailAlertDigest } from "@/lib/alerts/mail-alert-digest";
import { mailScanAlerts } from "@/lib/alerts/mail-scan-alerts";
import { recordScanAlerts } from "@/lib/alerts/record-scan-alerts";
import { startSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp-server";
import { DAY, scanAt } from "../dashboard/seed-graded-org";
import { certificate, openPort } from "../scans/fixtures";
import { createUser } from "../orgs/support/fixtures";

const RDP = openPort(3389, {
  typicalService: "ms-wbt-server",
  detectedService: "ms-wbt-server",
  banner: "RDP negotiation <b>response</b>",
});
const REDIS = openPort(6379, { typicalService: "redis", detectedService: "redis", product: "Redis", version: "7.2.4" });

async function seed(options: { confirm?: boolean; delivery?: "IMMEDIATE" | "DIGEST" } = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const owner = await createUser({ email: `alerts-${suffix}@example.test` });
  const org = await db.organization.create({
    data: {
      name: "Lab <Org>",
      plan: "STARTER",
      confirmOpenedPorts: options.confirm ?? true,
      memberships: { create: { userId: owner.id, role: "OWNER", alertDelivery: options.delivery ?? "IMMEDIATE" } },
    },
  });
  const asset = await db.asset.create({
    data: { organizationId: org.id, kind: "DOMAIN", value: `lab-${suffix}.example.test` },
  });
  return { owner, org, asset };
}

/** One scan through real storage and grading, then the alert step as the pipeline runs it. */
async function scanAndAlert(orgId: string, assetId: string, at: Date, ports: Parameters<typeof scanAt>[3]) {
  const scanRunId = await scanAt(orgId, assetId, at, ports);
  const alerts = await recordScanAlerts(orgId, { assetId, scanRunId, now: at });
  const mailed = await mailScanAlerts(orgId, scanRunId);
  return { scanRunId, alerts, mailed };
}

describe("alerts from the scan pipeline (real SMTP server on loopback)", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  beforeEach(() => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("APP_URL", "https://portwatch.example.test");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    closeSmtpTransports();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("a port seen on two consecutive scans is alerted once, in one mail with the grade drop, naming service, evidence and remediation", async () => {
    const { owner, org, asset } = await seed();
    const t0 = Date.now() - 3 * DAY;
    // Baseline: nothing is news.
    expect((await scanAndAlert(org.id, asset.id, new Date(t0), [openPort(443)])).alerts).toEqual([]);
    // RDP and Redis open: not yet confirmed.
    const first = await scanAndAlert(org.id, asset.id, new Date(t0 + DAY), [openPort(443), RDP, REDIS]);
    expect(first.alerts.filter((a) => a.data.kind === "PORT_OPENED")).toEqual([]);
    // The grade fell at once, and that is said at once.
    expect(first.alerts.map((a) => a.data.kind)).toEqual(["GRADE_DROPPED"]);
    const gradeMail = await smtp.waitFor((m) => m.to.includes(owner.email));
    expect(gradeMail.subject).toMatch(new RegExp(`^${asset.value}: grade [A-F] → [A-F]$`));
    // Still open on the next scan: alerted now.
    const second = await scanAndAlert(org.id, asset.id, new Date(t0 + 2 * DAY), [openPort(443), RDP, REDIS]);
    expect(
      second.alerts
        .map((a) => a.data.port)
        .filter(Boolean)
        .sort(),
    ).toEqual([3389, 6379]);
    expect(second.mailed.sent).toBe(1);

    const mail = await smtp.waitFor((m) => m.to.includes(owner.email) && m.subject.includes("opened"));
    expect(mail.subject).toMatch(
      new RegExp(`^${asset.value}: port (3389 \\(ms-wbt-server\\)|6379 \\(redis\\)) opened \\(\\+1 more\\)$`),
    );
    expect(mail.text).toContain("Typical service: ms-wbt-server");
    expect(mail.text).toContain("Detected: redis (Redis 7.2.4)");
    expect(mail.text).toContain("Banner:");
    expect(mail.text).toMatch(/Close 3389\/tcp|3389/);
    expect(mail.text).toContain(`https://portwatch.example.test/assets/${asset.id}`);
    // Evidence from the network and the organisation's name are escaped in the HTML.
    expect(mail.html).toContain("&lt;b&gt;response&lt;/b&gt;");
    expect(mail.html).toContain("Lab &lt;Org&gt;");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // A retried step sends nothing new.
    const again = await mailScanAlerts(org.id, second.scanRunId);
    expect(again).toMatchObject({ sent: 0, alreadySent: 1 });
    expect(smtp.messages.filter((m) => m.to.includes(owner.email))).toHaveLength(2);
  });

  it("names the grade drop in the subject when the scan that opened the port lowered the grade (no confirmation)", async () => {
    const { owner, org, asset } = await seed({ confirm: false });
    const t0 = Date.now() - 2 * DAY;
    await scanAndAlert(org.id, asset.id, new Date(t0), [openPort(443)]);
    await scanAndAlert(org.id, asset.id, new Date(t0 + DAY), [openPort(443), RDP]);
    const mail = await smtp.waitFor((m) => m.to.includes(owner.email));
    expect(mail.subject).toMatch(
      new RegExp(`^${asset.value}: port 3389 \\(ms-wbt-server\\) opened — grade [A-F] → [A-F]$`),
    );
  });

  it("the two-scan confirmation suppresses a port that opened for one scan only", async () => {
    const { owner, org, asset } = await seed();
    const t0 = Date.now() - 3 * DAY;
    await scanAndAlert(org.id, asset.id, new Date(t0), [openPort(443)]);
    await scanAndAlert(org.id, asset.id, new Date(t0 + DAY), [openPort(443), RDP]);
    const third = await scanAndAlert(org.id, asset.id, new Date(t0 + 2 * DAY), [openPort(443)]);
    expect(third.alerts.filter((a) => a.data.kind === "PORT_OPENED")).toEqual([]);
    expect(await db.alert.count({ where: { organizationId: org.id, kind: "PORT_OPENED" } })).toBe(0);
    expect(smtp.messages.filter((m) => m.to.includes(owner.email) && m.subject.includes("opened"))).toHaveLength(0);
  });

  it("an expired certificate is alerted once, not on every scan", async () => {
    const { org, asset } = await seed();
    const expired = openPort(443, { tls: certificate({ validTo: "2026-01-01T00:00:00.000Z" }) });
    const t0 = Date.now() - 2 * DAY;
    const first = await scanAndAlert(org.id, asset.id, new Date(t0), [expired]);
    expect(first.alerts.map((a) => a.data.kind)).toEqual(["TLS_EXPIRED"]);
    const second = await scanAndAlert(org.id, asset.id, new Date(t0 + DAY), [expired]);
    expect(second.alerts).toEqual([]);
  });

  it("the daily digest gathers the changes of several scans into one mail", async () => {
    const { owner, org, asset } = await seed({ confirm: false, delivery: "DIGEST" });
    const t0 = Date.now() - 5 * 3600 * 1000;
    await scanAndAlert(org.id, asset.id, new Date(t0), [openPort(443)]);
    await scanAndAlert(org.id, asset.id, new Date(t0 + 3600 * 1000), [openPort(443), RDP]);
    await scanAndAlert(org.id, asset.id, new Date(t0 + 2 * 3600 * 1000), [openPort(443), RDP, REDIS]);
    // Digest members get nothing at once.
    expect(smtp.messages.filter((m) => m.to.includes(owner.email))).toHaveLength(0);

    const until = new Date();
    const result = await mailAlertDigest(org.id, { periodKey: "digest:test", until });
    expect(result.sent).toBe(1);
    const mail = await smtp.waitFor((m) => m.to.includes(owner.email));
    expect(mail.subject).toMatch(/^Portwatch daily digest: \d+ alerts on 1 asset$/);
    expect(mail.text).toContain("3389");
    expect(mail.text).toContain("6379");
    await mailAlertDigest(org.id, { periodKey: "digest:test", until });
    expect(smtp.messages.filter((m) => m.to.includes(owner.email))).toHaveLength(1);
  });

  it("a member who chose only critical alerts gets only those; members with alerts off get nothing", async () => {
    const { owner, org, asset } = await seed({ confirm: false });
    await db.membership.updateMany({ where: { userId: owner.id }, data: { alertSeverities: ["critical"] } });
    const off = await createUser();
    await db.membership.create({
      data: { organizationId: org.id, userId: off.id, role: "VIEWER", alertDelivery: "OFF" },
    });
    const t0 = Date.now() - 2 * DAY;
    await scanAndAlert(org.id, asset.id, new Date(t0), [openPort(443)]);
    const run = await scanAndAlert(org.id, asset.id, new Date(t0 + DAY), [openPort(443), openPort(22)]);
    // SSH is not critical: stored for others, not mailed to this member.
    expect(run.alerts.length).toBeGreaterThan(0);
    expect(run.mailed.sent).toBe(0);
    expect(smtp.messages.filter((m) => m.to.includes(off.email))).toHaveLength(0);
  });
});
