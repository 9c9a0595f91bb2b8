import { expect, test } from "@playwright/test";
import { waitForMail } from "./mailbox";
import { signUpAndScan } from "./support/seeded-org";

// An owner sets up the weekly report, sends it at once, and a recipient unsubscribes from the mail's link.
test("reports: Send report now mails the report with charts and PDF; its unsubscribe link works without signing in", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const { email } = await signUpAndScan(page, "services.example.test");
  const board = `board-${Date.now()}@example.test`;

  await page.goto("/settings/reports");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await page.getByLabel("Time zone").selectOption("Europe/Amsterdam");
  await page.getByLabel("Extra recipients").fill(`not-an-address\n${board}`);
  await page.getByRole("button", { name: "Save report settings" }).click();
  await expect(page.getByText("“not-an-address” is not an e-mail address.").first()).toBeVisible();
  await page.getByLabel("Extra recipients").fill(board);
  await page.getByRole("button", { name: "Save report settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Report settings saved." })).toBeVisible();
  await expect(page.getByText(/Next: Monday/)).toBeVisible();

  await page.getByRole("button", { name: "Send report now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /on its way to 2 recipients/ })).toBeVisible();

  const mail = await waitForMail(email, /^Open Ports report .*: grade [A-F] \(\d+\/100\)/, 60_000);
  expect(mail.text).toContain("services.example.test");
  expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(["application/pdf", "image/png", "image/png"]);
  expect(mail.attachments.find((a) => a.contentType === "application/pdf")!.filename).toMatch(
    /^portwatch-report-[a-z0-9-]+-\d{4}-\d\d-\d\d\.pdf$/,
  );
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const boardMail = await waitForMail(board, /^Open Ports report/, 60_000);

  // The delivery shows on the settings page.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: board })).toContainText("Sent", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The board member unsubscribes from the mail's link in a browser that is not signed in.
  const link = new URL(/^<([^>]+)>$/.exec(boardMail.headers["list-unsubscribe"]!)![1]!);
  const stranger = await browser.newPage();
  await stranger.goto(link.pathname);
  await expect(stranger.getByText(`Stop sending the scheduled Open Ports report`)).toBeVisible();
  await stranger.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(stranger.getByRole("status")).toContainText(`${board} no longer receives`);
  await stranger.close();

  await page.reload();
  await expect(page.getByLabel("Extra recipients")).toHaveValue("");
});
