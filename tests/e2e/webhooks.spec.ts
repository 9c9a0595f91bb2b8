import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { newOwner } from "./support/account";

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** A webhook receiver on 127.0.0.1 (the e2e server opts loopback in with WEBHOOK_ALLOWED_CIDRS). */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      deliveries.push({
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/portwatch`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("add a webhook endpoint, send a test event, the receiver verifies it and the log shows it", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await newOwner(page, "Wendy Webhook", { prefix: "hooks", confirmed: false });
    await page.goto("/settings/webhooks");
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    // A refused URL keeps what was typed and says why.
    await page.getByLabel("Endpoint URL").fill("ftp://example.test/in");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("A webhook URL starts with https://.")).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveValue("ftp://example.test/in");

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("Our SIEM");
    await page.getByRole("checkbox", { name: /alert\.created/ }).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "Our SIEM" })).toBeVisible();
    await expect(page.getByText("Nothing sent yet.")).toBeVisible();

    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "Reveal signing secret" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/Test event evt_\w+ queued/)).toBeVisible();
    await expect.poll(() => receiver.deliveries.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = receiver.deliveries;
    const verified = new Webhook(secret).verify(delivery!.body, delivery!.headers) as { type: string };
    expect(verified.type).toBe("webhook.test");

    const log = page.getByRole("table", { name: "Delivery log" });
    await expect(async () => {
      await page.reload();
      await expect(log.getByText("Delivered")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const row = log.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(row).toContainText(delivery!.headers["webhook-id"]!);
    await expect(row.getByRole("cell").nth(3)).toHaveText("204");
    await expect(row.getByRole("cell").nth(4)).toHaveText("1");
  } finally {
    await receiver.close();
  }
});
