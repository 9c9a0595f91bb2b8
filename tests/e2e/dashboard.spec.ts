import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { confirmEmail, newEmail, signIn as signInFrom, signUp } from "./support/account";

// One organisation, its domain scanned for real: dash.example.test resolves (through the test DNS
// server) to loopback services started by tests/e2e/support/dashboard-services.ts.
test.describe.configure({ mode: "serial" });

const email = newEmail("dash");
let assetPath = "";

/** The later tests sign the same owner in again, from the sign-in page. */
async function signIn(page: Page) {
  await page.goto("/sign-in");
  await signInFrom(page, email);
}

/** Full-page screenshots at desktop and phone widths, kept with the test's results. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    // At 375 px nothing may push the page sideways (tables scroll inside their own box).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits ${width} px`,
    ).toBeLessThanOrEqual(width);
    const body = await page.screenshot({ fullPage: true });
    await testInfo.attach(`${name}-${width}.png`, { body, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility of ${what}`,
  ).toEqual([]);
}

test("a new organisation sees the overview lead to its first domain, then the scan's grade without a reload", async ({
  page,
}) => {
  await signUp(page, "Dana Dashboard", email);
  await signInFrom(page, email);
  // The empty overview says what to do next.
  await expect(page.getByRole("heading", { name: "Add your first domain" })).toBeVisible();
  await expect(page.getByText(/Confirm your email address to add assets/)).toBeVisible();

  await confirmEmail(page, email);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Add a domain or IP address" }).click();
  await expect(page).toHaveURL(/\/assets$/);

  await page.getByLabel(/domain or ip/i).fill("dash.example.test");
  await page.getByRole("button", { name: /add/i }).click();
  await expect(page.getByRole("progressbar", { name: "Scan progress" })).toBeVisible();
  // No reload: the row shows the grade once the scan is graded.
  const row = page.getByRole("row", { name: /dash\.example\.test/ });
  await expect(row.getByText(/^[ABCDF]\s*\(\d+\)$/)).toBeVisible({ timeout: 90_000 });
  await expect(row.getByText("Not graded yet")).toHaveCount(0);

  await row.getByRole("link", { name: "dash.example.test" }).click();
  await expect(page).toHaveURL(/\/assets\/[^/]+$/);
  assetPath = new URL(page.url()).pathname;
});

test("the asset page shows typical and detected services, the mismatch, Pending classification and the evidence", async ({
  page,
}, testInfo) => {
  test.skip(!assetPath, "needs the scanned asset from the first test");
  await signIn(page);
  await page.goto(assetPath);
  await expect(page.getByRole("heading", { name: "dash.example.test" })).toBeVisible();

  const ports = page.getByRole("table", { name: /open ports/i });
  for (const header of [
    "Host",
    "Port/protocol",
    "Typical service",
    "Detected service",
    "Severity",
    "Contribution",
    "First seen",
    "Last seen",
  ]) {
    await expect(ports.getByRole("columnheader", { name: header })).toBeVisible();
  }
  // SSH answering on 8080, registered for HTTP: detected ≠ typical, marked.
  const ssh8080 = ports.getByRole("row", { name: /8080\/tcp/ });
  await expect(ssh8080.getByRole("cell", { name: /http-alt/ })).toBeVisible();
  await expect(ssh8080.getByRole("cell", { name: /ssh.*OpenSSH.*9\.6/ })).toBeVisible();
  await expect(ssh8080.getByText("≠ typical")).toBeVisible();
  await expect(ssh8080.getByText("Medium")).toBeVisible();
  // SSH where SSH belongs: no marker.
  await expect(ports.getByRole("row", { name: /2222\/tcp/ }).getByText("≠ typical")).toHaveCount(0);
  // An unassigned port whose service stayed silent.
  await expect(ports.getByRole("row", { name: /40001\/tcp/ }).getByText("Pending classification")).toBeVisible();

  // Evidence: the banner as text, and the TLS certificate of 8443.
  await page.getByRole("button", { name: /Evidence for .* port 8080\/tcp/ }).click();
  await expect(page.getByText("SSH-2.0-OpenSSH_9.6 Portwatch-e2e")).toBeVisible();
  await page.getByRole("button", { name: /Evidence for .* port 8443\/tcp/ }).click();
  await expect(page.getByText("CN=detect.example.test", { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/Yes: no authority vouches for it/)).toBeVisible();
  await page.getByRole("button", { name: /Evidence for .* port 8000\/tcp/ }).click();
  await expect(page.getByText("Plain HTTP answers with a redirect to HTTPS.")).toBeVisible();

  // Hosts: the domain's address and the one found through www.
  await expect(page.getByText("Discovered via www")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Score breakdown" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Exposure changes" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Scan history" }).getByText("Completed")).toBeVisible();

  await expectNoSeriousA11yViolations(page, "the asset page");
  await screenshots(page, testInfo, "asset-page");
});

test("the overview shows the grade, the charts, typical versus detected and the riskiest findings", async ({
  page,
}, testInfo) => {
  test.skip(!assetPath, "needs the scanned asset from the first test");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Grade [ABCDF], score \d+ of 100/ })).toBeVisible();
  await expect(page.getByText(/http-alt\s*port answering as\s*ssh: 1/)).toBeVisible();
  await expect(page.getByText(/1 open port has no meaningful registration/)).toBeVisible();
  const risky = page.getByRole("region", { name: "Riskiest findings" });
  const ssh8080 = risky.getByRole("listitem").filter({ hasText: "8080/tcp" });
  await expect(ssh8080.getByText("≠ typical")).toBeVisible();
  // Remediation beside the finding.
  await expect(ssh8080.getByText(/First step:/)).toBeVisible();

  // Every chart has its numbers as a table too.
  await page.getByText("Show the data as a table").first().click();
  await expect(page.getByRole("table", { name: "Organisation score" })).toBeVisible();

  // Keyboard: the range toggle is reachable and works with the keyboard.
  const range = page.getByRole("radiogroup", { name: "Organisation score: time range" });
  const thirty = range.getByRole("radio", { name: "30 days" });
  // Retried as a whole: a key pressed while the page is still settling after hydration can be lost
  // (seen twice in a row on a loaded machine); each step must still work from the keyboard alone.
  await expect(async () => {
    await range.getByRole("radio", { name: "90 days" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(thirty).toBeFocused({ timeout: 1000 });
    await page.keyboard.press("Space");
    await expect(thirty).toHaveAttribute("data-state", "on", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(page, "the overview");
  await screenshots(page, testInfo, "overview");

  // The findings page of the same organisation passes the same check.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Findings" }).click();
  await expect(page).toHaveURL(/\/findings/);
  await expect(page.getByText("8080/tcp").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the findings page");
  await screenshots(page, testInfo, "findings");
});
