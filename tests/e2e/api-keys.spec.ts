import { expect, test } from "@playwright/test";
import { newOwner } from "./support/account";

test("an API key created in the settings calls the API until it is revoked; the reference works offline", async ({
  page,
  request,
}) => {
  const { email } = await newOwner(page, "Ada Pi", { prefix: "api-keys", confirmed: true });

  await page.goto("/settings/members");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await page.getByLabel("Name").fill("E2E pipeline");
  await page.getByLabel("Scope").selectOption("READ_WRITE");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Key “E2E pipeline” created. Copy it now: it is shown only this once.")).toBeVisible();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: /E2E pipeline/ });
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText(email);
  await expect(row).toContainText("Active");

  const auth = { Authorization: `Bearer ${key}` };
  const created = await request.post("/api/v1/assets", {
    headers: auth,
    data: { value: "api-e2e.example.test", label: "From the API" },
  });
  expect(created.status()).toBe(201);
  const list = await request.get("/api/v1/assets", { headers: auth });
  expect(list.status()).toBe(200);
  expect(list.headers()["ratelimit-limit"]).toBeTruthy();
  const body = (await list.json()) as { data: { value: string; label: string }[] };
  expect(body.data).toEqual([expect.objectContaining({ value: "api-e2e.example.test", label: "From the API" })]);

  // The asset added through the API is on the assets page; the key shows when it was used.
  await page.goto("/assets");
  await expect(page.getByRole("cell", { name: /^api-e2e\.example\.test/ }).first()).toBeVisible();
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  // Columns: name, scope, created by, created, last used, expires, status.
  const lastUsed = page
    .getByRole("row", { name: /E2E pipeline/ })
    .getByRole("cell")
    .nth(4);
  await expect(lastUsed).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

  await page
    .getByRole("row", { name: /E2E pipeline/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /E2E pipeline/ })).toContainText("Revoked");

  const refused = await request.get("/api/v1/assets", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({
    error: {
      code: "unauthenticated",
      message: "This API key was revoked. Create a new one under Settings → API keys.",
    },
  });

  // The audit log has the key's life and its calls.
  await page.goto("/settings/audit-log");
  await expect(page.getByRole("cell", { name: "API key created" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "API key revoked" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "API call" }).first()).toBeVisible();

  // The reference renders from the app alone: no request leaves 127.0.0.1, nothing is blocked by the CSP.
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!new URL(r.url()).hostname.startsWith("127.")) outside.push(r.url());
  });
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Portwatch API" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Add an asset").first()).toBeVisible();
  expect(outside).toEqual([]);
  expect(cspErrors).toEqual([]);
  // Paths that are no endpoint answer in the API's error shape too, not with the app's HTML 404 page.
  for (const path of ["/api/v1/nope", "/api/v1/assets/some-id/nope"]) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
