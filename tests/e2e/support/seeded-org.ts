import { expect, type Page } from "@playwright/test";
import { firstLink, waitForMail } from "../mailbox";

/**
 * A new customer with real scan data: signs up, confirms the address, adds `domain` (resolved by the
 * e2e DNS server to loopback services) and waits until its first scan is graded.
 */
export async function signUpAndScan(page: Page, domain: string): Promise<{ email: string; password: string }> {
  const email = `findings-${Date.now()}@example.test`;
  const password = "correct horse battery staple 42";
  await page.goto("/sign-up");
  await page.getByLabel(/^name/i).fill("Finn Dings");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /sign up|create account|start/i }).click();
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
  await page.getByLabel(/domain or ip/i).fill(domain);
  await page.getByRole("button", { name: /add/i }).click();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Not graded yet")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return { email, password };
}
