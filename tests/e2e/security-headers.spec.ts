import http from "node:http";
import { expect, test, type APIResponse, type Page } from "@playwright/test";

/**
 * Issue 10, items 3 and 10, against the production build: the browser is told what the app allows
 * (CSP with a per-response nonce, no framing, no sniffing, no cross-site referrer, HSTS over HTTPS),
 * Next's own scripts still run under that policy, and the per-address sign-in limit keys on the socket.
 */
const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

function expectCommonHeaders(res: APIResponse) {
  const headers = res.headers();
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${name} on ${res.url()}`).toBe(value);
}

function nonceOf(csp: string | undefined): string {
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `no script nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

test("pages, API routes and static files carry the security headers; HSTS only over HTTPS", async ({ request }) => {
  const page = await request.get("/sign-in");
  expectCommonHeaders(page);
  const csp = page.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(page.headers()["strict-transport-security"]).toBeUndefined();

  // Every script Next writes into the page carries this response's nonce, and the next response has another.
  const html = await page.text();
  const nonce = nonceOf(csp);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  expect(nonceOf((await request.get("/sign-in")).headers()["content-security-policy"])).not.toBe(nonce);

  // The landing page is rendered per request too (a prerendered one would carry no nonce).
  const home = await request.get("/");
  const homeNonce = nonceOf(home.headers()["content-security-policy"]);
  expect(await home.text()).toContain(`nonce="${homeNonce}"`);

  const signedInArea = await request.get("/assets", { maxRedirects: 0 });
  expect(signedInArea.status()).toBe(307);
  expect(signedInArea.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  const api = await request.get("/api/inngest");
  expectCommonHeaders(api);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  expectCommonHeaders(await request.get(chunk!));

  const overHttps = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(overHttps.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text()))
      violations.push(msg.text());
  });
  page.on("pageerror", (err) => violations.push(`page error: ${err.message}`));
  return violations;
}

test("the app works under its policy: no violation while signing up and moving around", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.goto("/");
  // A client-side navigation needs Next's scripts to have run.
  await page.getByRole("link", { name: /start a 14-day free trial/i }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByLabel(/^name/i).fill("Csp Owner");
  const email = `csp-${Date.now()}@example.test`;
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill("correct horse battery staple 43");
  await page.getByRole("button", { name: /sign up|create account|start/i }).click();
  // Sign-up answers "check your inbox" whether or not the address is registered; then sign in.
  await expect(page).toHaveURL(/\/verify-email\?sent=1/);
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill("correct horse battery staple 43");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/members");
  await page.goto("/settings/organization");
  await page.goto("/assets");
  await expect(page.getByRole("heading", { name: "Assets" })).toBeVisible();
  // React hydrated (a client component answers): the organisation switcher works.
  await expect(page.getByRole("combobox", { name: "Organisation" })).toBeEnabled();
  expect(violations).toEqual([]);

  // The watcher sees a violation when there is one: an injected inline event handler is refused.
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.id = "injected";
    button.textContent = "injected";
    button.setAttribute("onclick", "document.body.dataset.injected = 'ran'");
    document.body.appendChild(button);
  });
  await page.locator("#injected").click();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});

/** One request from another loopback address than the browser's, so the limit it trips stays its own. */
function requestFrom(
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const base = new URL(test.info().project.use.baseURL!);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path, method: init.method ?? "GET", headers: init.headers, localAddress },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

async function credentialsSignIn(localAddress: string, forwardedFor: string, email: string): Promise<string> {
  const csrf = await requestFrom(localAddress, "/api/auth/csrf", { headers: { "x-forwarded-for": forwardedFor } });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await requestFrom(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ csrfToken, email, password: "not-the-password-1" }).toString(),
  });
  return String(res.headers.location ?? "");
}

test("rotating X-Forwarded-For does not escape the per-address sign-in limit", async () => {
  test.setTimeout(120_000);
  for (let i = 0; i < 20; i++) {
    const location = await credentialsSignIn("127.0.0.2", `198.51.100.${i + 1}`, `spray-${i}@example.test`);
    expect(location).toMatch(/error=CredentialsSignin/);
    expect(location).toMatch(/code=unauthenticated/);
  }
  expect(await credentialsSignIn("127.0.0.2", "198.51.100.99", "someone-else@example.test")).toMatch(
    /code=rate_limited/,
  );
});
