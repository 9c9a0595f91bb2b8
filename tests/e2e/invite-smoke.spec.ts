import { expect, test } from "@playwright/test";
import { firstLink, waitForMail } from "./mailbox";
import { PASSWORD as password, confirmEmail, signIn, signUp } from "./support/account";

test("assets, organisation settings, invitations and members", async ({ page, browser }) => {
  const owner = `smoke-owner-${Date.now()}@example.test`;
  await signUp(page, "Olga Owner", owner);
  // Unconfirmed accounts may sign in: the trial starts, adding assets waits for the confirmation.
  await signIn(page, owner);
  await expect(page.getByText(/Free trial: 1[45] days left/)).toBeVisible();
  await expect(page.getByText(/Confirm your email address/).first()).toBeVisible();
  await expect(page.getByText(/Confirm your email address to add assets/)).toBeVisible();

  await confirmEmail(page, owner);
  await page.goto("/assets");

  await page.getByLabel(/domain or ip/i).fill("Bücher.Example");
  await page.getByLabel(/^label/i).fill("Books");
  await page.getByRole("button", { name: "Add asset" }).click();
  await expect(page.getByRole("cell", { name: /^xn--bcher-kva\.example/ })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "Books" })).toBeVisible();

  await page.getByLabel(/domain or ip/i).fill("shop.example.test:8080");
  await page.getByRole("button", { name: "Add asset" }).click();
  await expect(page.getByText(/without a port/)).toBeVisible();
  await expect(page.getByLabel(/domain or ip/i)).toHaveValue("shop.example.test:8080");

  await page.getByLabel(/domain or ip/i).fill("xn--bcher-kva.example");
  await page.getByRole("button", { name: "Add asset" }).click();
  await expect(page.getByText("xn--bcher-kva.example is already monitored.")).toBeVisible();

  await page
    .getByRole("row", { name: /xn--bcher-kva\.example/ })
    .getByRole("button", { name: "Edit" })
    .click();
  await page.getByLabel("Label for xn--bcher-kva.example").fill("Bookshop");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("cell", { name: /Bookshop/ })).toBeVisible();

  // Search by label (in the URL, so the link can be shared), a search that matches nothing, and back.
  await expect(page.getByText("Showing 1–1 of 1 asset")).toBeVisible();
  await page.getByLabel("Search assets").fill("BOOKSHOP");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=BOOKSHOP/);
  await expect(page.getByRole("cell", { name: /^xn--bcher-kva\.example/ })).toBeVisible();
  await page.getByLabel("Search assets").fill("no-such-asset");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No asset matches “no-such-asset”.")).toBeVisible();
  await expect(page.getByText(/1 of \d+ assets on the/)).toBeVisible();
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page).toHaveURL(/\/assets$/);
  await expect(page.getByLabel("Search assets")).toHaveValue("");
  await expect(page.getByRole("cell", { name: /^xn--bcher-kva\.example/ })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Stop monitoring xn--bcher-kva.example?")).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No assets yet.")).toBeVisible();

  await page.goto("/settings/organization");
  await page.getByLabel("Organisation name").fill("Smoke Security");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("The organisation is now called “Smoke Security”.")).toBeVisible();
  await expect(page.getByLabel("Organisation", { exact: true }).locator("option:checked")).toHaveText("Smoke Security");

  const colleague = `smoke-colleague-${Date.now()}@example.test`;
  await page.goto("/settings/members");
  await expect(page.getByText("You are the only owner.")).toBeVisible();
  await page.getByLabel("E-mail address").fill(colleague);
  await page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  // Listed under the pending invitations (exact: the success message above also names the address).
  await expect(page.getByText(colleague, { exact: true })).toBeVisible();

  const invite = await waitForMail(colleague, /invited to join an organisation/);
  const inviteUrl = new URL(firstLink(invite.text, "/invite/"));

  const other = await (await browser.newContext()).newPage();
  await other.goto(inviteUrl.pathname);
  await expect(other.getByText(/invited .* to join Smoke Security on Portwatch as admin/)).toBeVisible();
  // A newcomer creates an account from the invitation (email prefilled) and lands back on it.
  await other.getByRole("link", { name: "Create an account" }).click();
  await expect(other.getByLabel(/email/i)).toHaveValue(colleague);
  await other.getByLabel(/^name/i).fill("Carl Colleague");
  await other.getByLabel(/^password/i).fill(password);
  await other.getByRole("button", { name: /sign up|create account|start/i }).click();
  // Check-your-inbox page; its sign-in link leads back to the invitation.
  await expect(other).toHaveURL(/\/verify-email\?sent=1/);
  await signIn(other, colleague, { landsOn: new RegExp(inviteUrl.pathname) });
  await other.getByRole("button", { name: "Join Smoke Security" }).click();
  await expect(other).toHaveURL(/\/dashboard/);
  await expect(other.getByLabel("Organisation", { exact: true }).locator("option:checked")).toHaveText(
    "Smoke Security",
  );
  await other.goto("/settings/members");
  await expect(other.getByText("Members of Smoke Security")).toBeVisible();
  await expect(other.getByRole("cell", { name: /Olga Owner/ })).toBeVisible();

  // The link works once.
  await other.goto(inviteUrl.pathname);
  await expect(other.getByText(/already been used/)).toBeVisible();

  const devMailbox = await page.goto("/dev/mailbox");
  expect(devMailbox?.status()).toBe(404);
});
