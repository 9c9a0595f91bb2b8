import { expect, type Page } from "@playwright/test";
import { newOwner } from "./account";

/**
 * A new customer with real scan data: signs up, confirms the address, adds `domain` (resolved by the
 * e2e DNS server to loopback services) and waits until its first scan is graded.
 */
export async function signUpAndScan(page: Page, domain: string): Promise<{ email: string; password: string }> {
  const account = await newOwner(page, "Finn Dings", { prefix: "findings", confirmed: true });

  await page.goto("/assets");
  await page.getByLabel(/domain or ip/i).fill(domain);
  await page.getByRole("button", { name: /add/i }).click();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Not graded yet")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return account;
}
