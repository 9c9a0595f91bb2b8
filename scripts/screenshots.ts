// `npm run screenshots`: regenerates docs/screenshots/ from the demo organisation. A scratch PostgreSQL
// database (SCREENSHOTS_DATABASE_URL, dropped and re-created) gets the migrations and `npm run seed:demo`;
// a production build is served with the
// background executor off (the demo is never scanned); Chromium signs in as the demo user and captures
// the overview, the worst asset's page and the findings at desktop (1280 px) and phone (375 px) widths.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { chromium, type Page } from "playwright-core";

const port = Number(process.env.SCREENSHOTS_PORT ?? 3400);
const base = `http://127.0.0.1:${port}`;
const outDir = path.resolve("docs/screenshots");
const databaseUrl = process.env.SCREENSHOTS_DATABASE_URL;
if (!databaseUrl) {
  console.error("Set SCREENSHOTS_DATABASE_URL=postgres://… to a database this script may drop and re-create.");
  process.exit(2);
}
const email = process.env.DEMO_EMAIL ?? "demo@portwatch.test";
const password = process.env.DEMO_PASSWORD ?? "demo-portwatch-2026";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  APP_URL: base,
  AUTH_URL: base,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "screenshots-only-secret-0123456789abcdef0123",
  PORTWATCH_EXECUTOR: "off",
  DEMO_EMAIL: email,
  DEMO_PASSWORD: password,
};

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal})`);
}

async function waitForServer(app: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error("the server exited before it was ready");
    if (
      await fetch(`${base}/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start within 2 minutes");
}

async function capture(page: Page, url: string, name: string) {
  for (const [width, label] of [
    [1280, "desktop"],
    [375, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}${url}`);
    await page.waitForLoadState("networkidle");
    const file = path.join(outDir, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

{
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', "")}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name.replaceAll('"', "")}"`);
  await admin.end();
}
fs.mkdirSync(outDir, { recursive: true });
run("npx", ["tsx", "scripts/db/migrate.ts"]);
// The seed runs as a development task: it refuses production, and this database is a scratch one.
run("npm", ["run", "--silent", "seed:demo"], { NODE_ENV: "development" });
if (!process.env.SCREENSHOTS_SKIP_BUILD) run("npx", ["next", "build"]);

const app = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
  stdio: "inherit",
  env,
  detached: true,
});
const stop = () => {
  if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
};
try {
  await waitForServer(app);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC", locale: "en-GB" });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(/\/dashboard/);
    await capture(page, "/dashboard", "overview");
    // The worst asset: the first one in the overview's assets table.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/dashboard`);
    const href = await page
      .getByRole("region", { name: "Assets, worst grade first" })
      .getByRole("table")
      .getByRole("link")
      .first()
      .getAttribute("href");
    if (!href?.startsWith("/assets/")) throw new Error(`the demo organisation has no asset to show (found ${href})`);
    await capture(page, href, "asset");
    await capture(page, "/findings", "findings");
  } finally {
    await browser.close();
  }
} finally {
  stop();
}
