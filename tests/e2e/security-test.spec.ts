import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstLink, waitForMail } from "./mailbox";
import { servicesAddress } from "./support/loopback-services";

// The way in for a new visitor: the landing page, the public security test of a domain served on
// loopback (services.example.test resolves, through the test DNS server, to real services: SSH with an
// OpenSSH banner, nginx over plain HTTP, Redis without a password), the limit per network, and the trial
// that carries the tested domain into the first asset. The e2e server allows 3 new tests per address
// an hour (tests/e2e/support/serve.ts).

const DOMAIN = "services.example.test";

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map(
      (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
    `accessibility of ${what}`,
  ).toEqual([]);
}

async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

/** Types the domain; the proof of work runs in the browser and unlocks the button. */
async function runTest(page: Page, domain: string) {
  await page.goto("/security-test");
  await page.getByLabel("Your domain").fill(domain);
  const button = page.getByRole("button", { name: "Test my domain" });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
}

test("the landing page says what Portwatch does, how it grades, what the plans allow, and leads to the test and the trial", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/every open port/i);
  for (const heading of [
    /typical service, detected service, pending classification/i,
    /how the grade works/i,
    /plans and limits/i,
  ]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  // The plans come from lib/plans/plans.ts.
  const plans = page.getByRole("table", { name: /plans and their limits/i });
  await expect(plans.getByRole("rowheader", { name: /free trial/i })).toBeVisible();
  await expect(plans.getByRole("rowheader", { name: /^enterprise/i })).toBeVisible();
  // Sharing metadata, and nothing loaded from another site.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Portwatch/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  const external = await page.evaluate(() =>
    [...document.querySelectorAll("script[src], link[href], img[src]")]
      .map((e) => e.getAttribute("src") ?? e.getAttribute("href") ?? "")
      .filter((url) => /^(https?:)?\/\//.test(url) && !url.startsWith(location.origin)),
  );
  expect(external).toEqual([]);
  await expectAccessible(page, "the landing page");
  await expectFitsPhone(page);
  await expectAccessible(page, "the landing page at 375 px");

  await page.getByRole("link", { name: "Read the complete grading method" }).click();
  await expect(page).toHaveURL(/\/docs\/grading$/);
  await expect(page.getByRole("heading", { level: 1, name: "How Portwatch grades open ports" })).toBeVisible();
  await expectFitsPhone(page);

  await page.goto("/");
  await page.getByRole("link", { name: "Start a 14-day free trial" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Run the free security test" }).first().click();
  await expect(page).toHaveURL(/\/security-test$/);
});

test("the security test shows a teaser within seconds: grade, open ports, riskiest services — no banners, versions or addresses", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/security-test");
  await expectAccessible(page, "the security test form");

  // A malformed domain gets the asset form's message, and costs no test.
  await page.getByLabel("Your domain").fill("https://services.example.test/login");
  await expect(page.getByRole("button", { name: "Test my domain" })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole("button", { name: "Test my domain" }).click();
  await expect(page.getByText("Enter just the domain name, like example.com — not a URL.")).toBeVisible();

  const started = Date.now();
  await runTest(page, DOMAIN);
  await expect(page).toHaveURL(/\/security-test\/[a-z0-9]+$/);
  await expect(page.getByText(/^Grade [A-F] · \d+ \/ 100$/)).toBeVisible({ timeout: 30_000 });
  test.info().annotations.push({ type: "teaser after", description: `${Date.now() - started} ms` });
  await expect(page.getByText("3 open ports found on the main address.")).toBeVisible();
  await expect(page.getByText("Cache or key-value store reachable from the internet")).toBeVisible();
  await expect(page.getByText("Remote administration login reachable from the internet")).toBeVisible();
  const text = await page.locator("body").innerText();
  const html = await page.content();
  for (const secret of [
    "OpenSSH",
    "9.2p1",
    "nginx",
    "1.24.0",
    "7.2.4",
    servicesAddress(Number(process.env.E2E_PORT ?? 3100)),
  ]) {
    expect(text).not.toContain(secret);
    expect(html).not.toContain(secret);
  }
  await expectAccessible(page, "the security test result");
  await expectFitsPhone(page);
});

test("the trial carries the tested domain into sign-up and, once confirmed, into the first asset", async ({ page }) => {
  // The domain's result of the last hour is shown again without a new scan (and without counting).
  await runTest(page, DOMAIN);
  await expect(page.getByText(/^Grade [A-F]/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Start your free trial" }).click();
  await expect(page).toHaveURL(/\/sign-up\?domain=services\.example\.test$/);
  await expect(
    page.getByText(`Once you confirm your email, ${DOMAIN} becomes your first monitored domain`),
  ).toBeVisible();

  const email = `tester-${Date.now()}@example.test`;
  const password = "correct horse battery staple 42";
  await page.getByLabel(/^name/i).fill("Tess Tester");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole("button", { name: /start 14-day free trial/i }).click();
  await expect(page).toHaveURL(/\/verify-email/);
  const link = new URL(firstLink((await waitForMail(email, /confirm/i)).text, "verify"));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(`${DOMAIN} is your first monitored domain`)).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/assets");
  await expect(page.getByRole("cell", { name: new RegExp(`^${DOMAIN.replaceAll(".", "\\.")} `) })).toBeVisible();
});

test("a network that has used its tests for the hour is told so, and when to come back", async ({ page }) => {
  // One new test so far from 127.0.0.1 (the cached one was free): two more are allowed, the next is refused.
  for (const domain of ["shop.example.test", "dash.example.test"]) {
    await runTest(page, domain);
    await expect(page).toHaveURL(/\/security-test\/[a-z0-9]+$/);
  }
  await runTest(page, "www.dash.example.test");
  await expect(
    page.getByText(
      /You have run 3 security tests in the last hour, the most we allow from one network\. Try again in \d+ minutes/,
    ),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/security-test$/);
  // The domain stays typed, and a fresh check is prepared for later.
  await expect(page.getByLabel("Your domain")).toHaveValue("www.dash.example.test");
});
