import { expect, type Page } from "@playwright/test";
import { firstLink, waitForMail } from "../mailbox";

export const PASSWORD = "correct horse battery staple 42";

/** A fresh address for this test run. */
export function newEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/**
 * Fills and sends the sign-up form. Sign-up never signs in: it gives the same answer ("check your
 * inbox") whether or not the address already has an account.
 */
export async function signUp(page: Page, name: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel(/^name/i).fill(name);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /sign up|create account|start/i }).click();
  await expect(page).toHaveURL(/\/verify-email\?sent=1/);
}

/** Opens the confirmation link of the mail the e2e SMTP server captured for `email`. */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  const mail = await waitForMail(email, /verify|confirm/i);
  const link = new URL(firstLink(mail.text, "verify"));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/verified|confirmed/i).first()).toBeVisible();
}

/**
 * Signs in, through the "Sign in" link the signed-out pages show unless the sign-in page is already
 * open; it lands on the overview unless the link carries somewhere to go back to (`landsOn`).
 */
export async function signIn(
  page: Page,
  email: string,
  options: { password?: string; landsOn?: RegExp } = {},
): Promise<void> {
  if (new URL(page.url()).pathname !== "/sign-in") await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(options.password ?? PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(options.landsOn ?? /\/dashboard/);
}

/** A new owner with a trial organisation, signed in; `confirmed` confirms the address first. */
export async function newOwner(
  page: Page,
  name: string,
  options: { prefix: string; confirmed: boolean },
): Promise<{ email: string; password: string }> {
  const email = newEmail(options.prefix);
  await signUp(page, name, email);
  if (options.confirmed) await confirmEmail(page, email);
  await signIn(page, email);
  return { email, password: PASSWORD };
}
