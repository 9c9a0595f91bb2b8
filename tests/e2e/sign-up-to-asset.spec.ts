import { expect, test } from "@playwright/test";
import { firstLink, waitForMail } from "./mailbox";

// The whole first-day journey of a new customer, as they see it.
test("sign up, verify the email, add a domain, sign out and sign back in", async ({ page }) => {
  const email = `owner-${Date.now()}@example.test`;
  const password = "correct horse battery staple 42";

  await page.goto("/sign-up");
  await page.getByLabel(/^name/i).fill("Ada Owner");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /sign up|create account|start/i }).click();

  // The trial starts at sign-up; the verification mail arrives over real SMTP.
  await expect(page).toHaveURL(/\/(assets|verify|check-email|dashboard)/);
  const mail = await waitForMail(email, /verify|confirm/i);
  const link = new URL(firstLink(mail.text, "verify"));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/verified|confirmed/i).first()).toBeVisible();

  // Sign-up does not sign in (its answer is the same for an address that has an account): sign in now.
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/assets");
  await page.getByLabel(/domain or ip/i).fill("  Shop.Example.TEST. ");
  await page.getByRole("button", { name: /add/i }).click();
  await expect(page.getByRole("cell", { name: /^shop\.example\.test / })).toBeVisible();

  // The first scan starts at once (the test DNS server points shop.example.test at 127.0.0.1) and its
  // progress updates live, without a reload, until it completes.
  await expect(page.getByText(/first scan has started/i)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Scan progress" })).toBeVisible();
  await expect(page.getByText("Completed")).toBeVisible({ timeout: 60_000 });
  // Grading follows the completed scan.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Not graded yet")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // Invalid input gets a message saying what to enter instead, and nothing is added.
  await page.getByLabel(/domain or ip/i).fill("https://shop.example.test/login");
  await page.getByRole("button", { name: /add/i }).click();
  await expect(page.getByText(/not a url/i)).toBeVisible();
  await expect(page.getByRole("cell", { name: /^shop\.example\.test / })).toHaveCount(1);

  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/($|sign-in)/);
  await page.goto("/assets");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  // Signed out at /assets, so signing in returns there (its callbackUrl), not to the dashboard.
  await expect(page).toHaveURL(/\/assets/);
  await expect(page.getByRole("cell", { name: /^shop\.example\.test / })).toBeVisible();
});
