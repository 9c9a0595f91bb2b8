import { expect, test } from "@playwright/test";
import { servicesAddress } from "./support/loopback-services";
import { signUpAndScan } from "./support/seeded-org";

const host = servicesAddress(Number(process.env.E2E_PORT ?? 3100));

// A security team's findings workflow on real scan results of loopback services: filter, share the
// link, read the remediation, export what the filter shows.
test("findings: filters live in the URL, remediation beside each port, CSV export of the filter", async ({ page }) => {
  test.setTimeout(240_000);
  await signUpAndScan(page, "services.example.test");

  await page.getByRole("link", { name: "Findings" }).click();
  await expect(page).toHaveURL(/\/findings/);
  await expect(page.getByRole("heading", { name: "Findings" })).toBeVisible();
  const rows = page.getByTestId("finding-row");
  // Riskiest first: the unauthenticated Redis is critical.
  await expect(rows.first()).toContainText("6379/tcp");
  await expect(rows.first()).toContainText("Critical");
  await expect(page.getByRole("row").filter({ hasText: "8080/tcp" })).toContainText("≠ typical");
  await expect(page.getByRole("row").filter({ hasText: "49999/tcp" })).toContainText("Pending classification");

  // Filters go to the URL (shareable) and the server returns only matching ports.
  await page.getByText("Typical ≠ detected").click();
  await expect(page).toHaveURL(/mismatch=true/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("8080/tcp");
  await expect(rows.first()).toContainText("ssh");
  const shared = page.url();

  await page.getByText("Typical ≠ detected").click();
  await page.getByRole("checkbox", { name: "Critical" }).check({ force: true });
  await expect(page).toHaveURL(/severity=critical/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("6379/tcp");

  // Remediation guidance opens beside the finding, with the host and port in its commands.
  await page.getByRole("button", { name: `Remediation for ${host} port 6379/tcp` }).click();
  await expect(page.getByRole("heading", { name: /cache or key-value store/i })).toBeVisible();
  await expect(page.getByText(`nc -vz -w 5 ${host} 6379`)).toBeVisible();

  // The shared link reproduces the filtered view.
  await page.goto(shared);
  await expect(page.getByTestId("finding-row")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "Typical ≠ detected" })).toBeChecked();

  // Free-text search and a bad value in a hand-edited link.
  await page.goto("/findings?q=OpenSSH&severity=nonsense");
  await expect(page.getByRole("alert").filter({ hasText: /not understood/ })).toContainText(/severity must be one of/i);
  await expect(page.getByTestId("finding-row")).toHaveCount(1);

  // The CSV export holds exactly the filtered findings.
  await page.goto("/findings?protocol=tcp&severity=critical");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /export csv/i }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^portwatch-findings-\d+\.csv$/);
  const csv = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^asset,asset_label,ip,hostname,port,protocol,state,typical_service/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`services.example.test,,${host},services.example.test,6379,tcp,open,redis`);
  expect(lines[1]).toContain("critical");
});
