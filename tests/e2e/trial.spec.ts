import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { e2eDataDir, withE2eDatabase } from "./support/e2e-database";
import { signUpAndScan } from "./support/seeded-org";

const run = promisify(execFile);
const TRIAL_ENDED = /Your free trial has ended, so scans are paused/;

// A customer's trial from its first day to its end, and the operator's `npm run plan` lifting it.
test("trial: days left on every page, the ended trial pauses scans and keeps data, npm run plan resumes", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { email } = await signUpAndScan(page, "services.example.test");

  const banner = page.getByRole("region", { name: "Trial" });
  await expect(banner).toContainText(/Free trial: 1[45] days left/);
  await banner.getByRole("link", { name: "Choose a plan" }).click();
  await expect(page).toHaveURL(/\/settings\/billing/);
  await expect(page.getByRole("heading", { name: "Plan and billing" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Billing" }),
  ).toHaveAttribute("aria-current", "page");
  const main = page.getByRole("main");
  await expect(main.getByText(/^Free trial: 1[45] days left/)).toBeVisible();
  await expect(page.getByRole("row", { name: /Assets monitored/ })).toContainText("1 of 10");
  await expect(page.getByRole("row", { name: /Scans of any kind/ })).toContainText(/\d of 60/);

  // The trial ends (set in the database: nobody waits 14 days).
  const organizationId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ organizationId: string }>(
      `SELECT m."organizationId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
      [email],
    );
    await db.query(`UPDATE "Organization" SET "trialEndsAt" = now() - interval '1 hour' WHERE id = $1`, [
      rows[0]!.organizationId,
    ]);
    return rows[0]!.organizationId;
  });

  // Every page says so and offers the plan; the data stays readable; Scan now is refused with the reason.
  for (const path of ["/dashboard", "/findings", "/settings/members"]) {
    await page.goto(path);
    await expect(banner).toContainText("Your free trial has ended: scans are paused.");
    await expect(banner.getByRole("link", { name: "Choose a plan" })).toHaveAttribute("href", "/settings/billing");
  }
  await page.goto("/findings");
  await expect(page.getByTestId("finding-row").first()).toContainText("6379/tcp");
  await page.goto("/assets");
  await expect(page.getByRole("link", { name: "services.example.test" })).toBeVisible();
  await page.getByRole("button", { name: "Scan services.example.test now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: TRIAL_ENDED })).toBeVisible();
  await page.goto("/settings/billing");
  await expect(main.getByText("Your free trial has ended: scheduled and on-demand scans are paused.")).toBeVisible();
  await expect(main.getByText(`npm run plan -- --org ${organizationId} --plan <PLAN>`)).toBeVisible();
  await expect(main.getByRole("heading", { name: "Pro", exact: true })).toBeVisible();

  // The operator sets a plan: an unknown plan is refused, Starter lifts the pause at once.
  const plan = (...args: string[]) =>
    run("npm", ["run", "--silent", "plan", "--", ...args], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: e2eDataDir() },
    });
  await expect(plan("--org", organizationId, "--plan", "GOLD")).rejects.toMatchObject({
    stderr: expect.stringContaining('Unknown plan "GOLD"'),
  });
  const { stdout } = await plan("--org", organizationId, "--plan", "STARTER");
  expect(stdout).toContain("Free trial → Starter. Scans resume");

  await page.reload();
  await expect(main.getByText(/^Starter plan\./)).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Assets monitored/ })).toContainText("1 of 25");
  // Scan now works again (the first scan's 10-minute cooldown is moved out of the way).
  await withE2eDatabase((db) =>
    db.query(`UPDATE "ScanRun" SET "createdAt" = "createdAt" - interval '1 hour' WHERE "organizationId" = $1`, [
      organizationId,
    ]),
  );
  const runs = () =>
    withE2eDatabase(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "ScanRun" WHERE "organizationId" = $1`,
        [organizationId],
      );
      return rows[0]!.n;
    });
  const before = await runs();
  await page.goto("/assets");
  await page.getByRole("button", { name: "Scan services.example.test now" }).click();
  await expect.poll(runs).toBe(before + 1);
  await expect(page.getByRole("alert").filter({ hasText: TRIAL_ENDED })).toHaveCount(0);
});
