import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { scanAssetAction } from "@/app/(app)/assets/actions";
import { addAsset } from "@/lib/assets/add-asset";
import { listAssets } from "@/lib/assets/list-assets";
import { requireMembership } from "@/lib/authz/membership";
import { findDueTrialReminders } from "@/lib/billing/find-due-trial-reminders";
import { getPlanUsage } from "@/lib/billing/get-plan-usage";
import { sendTrialReminder } from "@/lib/billing/send-trial-reminder";
import { setPlanFromCli } from "@/lib/billing/set-plan-from-cli";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import { claimScanRun } from "@/lib/scan-runs/claim-scan-run";
import { createOrganization } from "@/lib/organizations/create-organization";
import { DAY_MS, PLAN_LIMITS, TRIAL_ENDED_MESSAGE } from "@/lib/plans/plans";
import { assertMayScanNow } from "@/lib/scan-runs/scan-quota";
import { createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const HOUR = 3_600_000;
const domain = (i: number) => ({ kind: "DOMAIN" as const, value: `a${i}.trial.test` });

async function trialOrg(options: { endsAt?: Date; plan?: "TRIAL" | "STARTER" } = {}) {
  const owner = await createUser();
  const org = await createOrg(owner, { plan: options.plan ?? "TRIAL", trialEndsAt: options.endsAt });
  return { owner, org, writer: () => requireMembership(owner.id, org.id, "assets:write") };
}

async function scanRuns(
  organizationId: string,
  assetId: string,
  count: number,
  trigger: "MANUAL" | "SCHEDULED",
  at: Date,
) {
  await db.scanRun.createMany({
    data: Array.from({ length: count }, () => ({
      organizationId,
      assetId,
      trigger,
      status: "COMPLETED" as const,
      portSpec: "top-1000",
      createdAt: at,
    })),
  });
}

describe("trial limits, at each boundary", () => {
  it("a trial monitors 10 assets: the 10th is added, the 11th refused with the plan named", async () => {
    const { writer } = await trialOrg();
    const ctx = await writer();
    for (let i = 1; i <= 9; i++) await addAsset(ctx, { target: domain(i) });
    await expect(addAsset(ctx, { target: domain(10) })).resolves.toMatchObject({ restored: false });
    await expect(addAsset(ctx, { target: domain(11) })).rejects.toMatchObject({
      code: "plan_limit",
      message: expect.stringContaining("Free trial) monitors up to 10 assets"),
    });
    expect(await db.asset.count({ where: { organizationId: ctx.organizationId, deletedAt: null } })).toBe(10);
  });

  it("on-demand scans: 3 per verified asset a day on a trial, then the organisation's daily limits", async () => {
    const { org, writer } = await trialOrg();
    const ctx = await writer();
    const { id: assetId } = await addAsset(ctx, { target: domain(1) });
    await db.asset.update({ where: { id: assetId }, data: { verifiedAt: new Date() } });
    const now = new Date();
    // Two on-demand scans an hour ago: the third is allowed, the fourth not (the cooldown has passed).
    await scanRuns(org.id, assetId, 2, "MANUAL", new Date(now.getTime() - HOUR));
    await expect(assertMayScanNow(org.id, assetId, now)).resolves.toBeUndefined();
    await scanRuns(org.id, assetId, 1, "MANUAL", new Date(now.getTime() - HOUR));
    await expect(assertMayScanNow(org.id, assetId, now)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("3 on-demand scans of one asset a day"),
    });
    // A day later they count no more.
    await expect(assertMayScanNow(org.id, assetId, new Date(now.getTime() + DAY_MS))).resolves.toBeUndefined();

    // The organisation's on-demand budget (20 a day): 19 used on other assets pass, 20 refuse.
    const { id: other } = await addAsset(ctx, { target: domain(2) });
    await db.asset.update({ where: { id: other }, data: { verifiedAt: new Date() } });
    await db.scanRun.deleteMany({ where: { organizationId: org.id } });
    const limit = PLAN_LIMITS.TRIAL.onDemandScansPerDay;
    await scanRuns(org.id, assetId, limit - 1, "MANUAL", new Date(now.getTime() - 2 * HOUR));
    await expect(assertMayScanNow(org.id, other, now)).resolves.toBeUndefined();
    await scanRuns(org.id, assetId, 1, "MANUAL", new Date(now.getTime() - 2 * HOUR));
    await expect(assertMayScanNow(org.id, other, now)).rejects.toMatchObject({
      message: expect.stringContaining(`includes ${limit} on-demand scans a day`),
    });

    // All scans (60 a day): scheduled ones count too.
    await db.scanRun.deleteMany({ where: { organizationId: org.id } });
    const all = PLAN_LIMITS.TRIAL.scansPerDay;
    await scanRuns(org.id, assetId, all - 1, "SCHEDULED", new Date(now.getTime() - 2 * HOUR));
    await expect(assertMayScanNow(org.id, other, now)).resolves.toBeUndefined();
    await scanRuns(org.id, assetId, 1, "SCHEDULED", new Date(now.getTime() - 2 * HOUR));
    await expect(assertMayScanNow(org.id, other, now)).rejects.toMatchObject({
      message: expect.stringContaining(`used its ${all} scans of the last 24 hours`),
    });

    const usage = await getPlanUsage(await requireMembership(ctx.userId, org.id, "assets:read"), now);
    expect(usage).toMatchObject({
      plan: "TRIAL",
      assets: 2,
      scansToday: all,
      onDemandScansToday: 0,
      trialDaysLeft: 14,
    });
  });
});

describe("trial reminders, on a clock the test controls", () => {
  it("sends 7, 3 and 1 days before the end and at the end, each once, to verified owners only", async () => {
    const start = new Date("2026-09-01T10:00:00Z");
    const owner = await createUser({ name: "Olga" });
    const unverified = await createUser({ verified: false });
    const { id } = await createOrganization({ userId: owner.id, name: "Remindme", now: start });
    await db.organization.update({ where: { id }, data: { createdAt: start } });
    await db.membership.create({ data: { organizationId: id, userId: unverified.id, role: "OWNER" } });

    const sent: string[] = [];
    // One tick of the hourly function: what is due, then one send each.
    const tick = async (at: Date) => {
      for (const r of (await findDueTrialReminders(at)).filter((d) => d.organizationId === id)) {
        if ((await sendTrialReminder(r.organizationId, r.kind, at)) === "sent") sent.push(r.kind);
      }
    };
    // Every 6 hours of the trial and two days after it, each tick twice (a retried tick).
    for (let t = start.getTime(); t <= start.getTime() + 17 * DAY_MS; t += 6 * HOUR) {
      await tick(new Date(t));
      await tick(new Date(t));
    }
    expect(sent).toEqual(["7-days", "3-days", "1-day", "ended"]);
    const mails = await db.devMail.findMany({ where: { to: owner.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([
      "Your Portwatch trial ends in 7 days",
      "Your Portwatch trial ends in 3 days",
      "Your Portwatch trial ends tomorrow",
      "Your Portwatch trial has ended: scans are paused",
    ]);
    expect(mails[0]!.text).toContain("/settings/billing");
    expect(await db.devMail.count({ where: { to: unverified.email } })).toBe(0);
    const reminders = await db.trialReminder.findMany({ where: { organizationId: id }, orderBy: { sentAt: "asc" } });
    // Sent at the first tick at or after each moment: 7, 3 and 1 days before the end, then the end.
    const end = start.getTime() + 14 * DAY_MS;
    expect(reminders.map((r) => (end - r.sentAt.getTime()) / DAY_MS)).toEqual([7, 3, 1, 0]);
  });

  it("sends nothing after an upgrade, nor to an organisation created without a trial", async () => {
    const start = new Date("2026-09-01T10:00:00Z");
    const owner = await createUser();
    const { id } = await createOrganization({ userId: owner.id, name: "Upgrader", now: start });
    await db.organization.update({ where: { id }, data: { createdAt: start } });
    const { id: second, trial } = await createOrganization({ userId: owner.id, name: "No trial", now: start });
    expect(trial).toBe(false);

    const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
    const due = async (days: number) =>
      (await findDueTrialReminders(at(days))).filter((d) => [id, second].includes(d.organizationId));
    expect(await due(7)).toEqual([{ organizationId: id, kind: "7-days" }]);
    await setPlanFromCli(id, "starter", at(8));
    for (const days of [7, 11, 13, 14, 15]) expect(await due(days)).toEqual([]);
    // Even a send already planned before the upgrade goes nowhere.
    expect(await sendTrialReminder(id, "3-days", at(11))).toBe("not-on-trial");
    expect(await db.devMail.count({ where: { to: owner.email } })).toBe(0);
  });
});

describe("when the trial ends", () => {
  it("pauses the monitor and Scan now, keeps the data readable, and a plan resumes scans at once", async () => {
    const { owner, org, writer } = await trialOrg();
    const ctx = await writer();
    const { id: assetId } = await addAsset(ctx, { target: domain(1) });
    const { id: other } = await addAsset(ctx, { target: domain(2) });
    // Both scanned an hour before the end: their next scans would be due a day later.
    const endedAt = new Date(Date.now() - HOUR);
    await db.organization.update({ where: { id: org.id }, data: { trialEndsAt: endedAt } });
    await db.asset.updateMany({
      where: { organizationId: org.id },
      data: {
        nextScanAt: new Date(endedAt.getTime() + DAY_MS - 2 * HOUR),
        lastScanAt: new Date(endedAt.getTime() - HOUR),
      },
    });
    const tick = (tickId: string, at: Date) =>
      claimDueAssets({ now: at, tickId, perOrganizationCap: 25, globalCap: 500 }).then((due) =>
        due.filter((d) => d.organizationId === org.id),
      );

    // A scheduled scan queued just before the end does not run after it.
    const queued = await db.scanRun.create({
      data: { organizationId: org.id, assetId: other, trigger: "SCHEDULED", portSpec: "top-1000" },
    });
    const claim = await claimScanRun(org.id, {
      assetId: other,
      scanRunId: queued.id,
      newScanRunId: "unused",
      trigger: "SCHEDULED",
      portSpecs: { standard: "top-1000", verified: "all" },
      now: new Date(),
    });
    expect(claim).toMatchObject({
      state: "skipped",
      reason: "The free trial ended before this scheduled scan started.",
    });
    expect(await db.scanRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "CANCELLED" });
    await db.scanRun.delete({ where: { id: queued.id } });

    // A day later, the assets are due by their old schedule, yet the monitor skips the organisation.
    expect(await tick("expired-1", new Date(Date.now() + DAY_MS))).toEqual([]);
    // Scan now is refused with the reason, through the action and in the domain function.
    signInAs(owner);
    expect(await scanAssetAction(undefined, form({ assetId }))).toMatchObject({
      code: "plan_limit",
      error: TRIAL_ENDED_MESSAGE,
    });
    await expect(assertMayScanNow(org.id, assetId)).rejects.toMatchObject({ message: TRIAL_ENDED_MESSAGE });
    expect(await db.scanRun.count({ where: { organizationId: org.id } })).toBe(0);
    // The data stays readable.
    const reader = await requireMembership(owner.id, org.id, "assets:read");
    expect((await listAssets(reader)).map((a) => a.id).sort()).toEqual([assetId, other].sort());
    expect(await getPlanUsage(reader)).toMatchObject({ scansPaused: true, trialDaysLeft: 0, assets: 2 });

    // `npm run plan` to Starter: both assets are due now and the next tick queues them.
    const change = await setPlanFromCli(org.id, "STARTER");
    expect(change).toMatchObject({ from: "TRIAL", to: "STARTER", resumed: true });
    const resumed = await tick("resumed-1", new Date());
    expect(resumed.map((d) => d.assetId).sort()).toEqual([assetId, other].sort());
    // And Scan now is allowed again.
    await expect(assertMayScanNow(org.id, assetId)).resolves.toBeUndefined();
  });

  it("npm run plan refuses an unknown organisation or plan and changes nothing; the change is audited", async () => {
    const { org } = await trialOrg();
    await expect(setPlanFromCli("nope", "PRO")).rejects.toMatchObject({
      code: "not_found",
      message: 'No organisation has the id "nope".',
    });
    await expect(setPlanFromCli(org.id, "GOLD")).rejects.toMatchObject({
      code: "invalid_input",
      message: 'Unknown plan "GOLD". Choose one of: TRIAL, STARTER, PRO, ENTERPRISE.',
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).plan).toBe("TRIAL");
    await setPlanFromCli(org.id, "pro");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).plan).toBe("PRO");
    const audit = await db.auditEvent.findMany({ where: { organizationId: org.id, action: "billing.plan_changed" } });
    expect(audit.map((a) => a.details)).toEqual([{ from: "TRIAL", to: "PRO", source: "cli" }]);
  });
});
