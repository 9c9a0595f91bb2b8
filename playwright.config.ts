import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** E2E_DEV=1: the same tests against `npm run dev` (next dev compiles each page on its first visit). */
const DEV = Boolean(process.env.E2E_DEV);
export const E2E_MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 3199);

/**
 * End-to-end tests drive Debian's chromium (`npx playwright install` cannot download browsers here)
 * against a production build (or, with E2E_DEV=1, the dev server) served by tests/e2e/support/serve.ts,
 * which also runs a loopback SMTP server (the test reads mail from it) and a loopback DNS server for
 * scan targets. The run fails when the server logged an unhandled rejection (globalTeardown).
 */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: DEV ? 300_000 : 90_000,
  expect: { timeout: DEV ? 60_000 : 15_000 },
  globalTeardown: "./tests/e2e/support/check-server-log.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `npx tsx tests/e2e/support/serve.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM to the server's process group: the app stops, then the embedded database closes cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: { E2E_PORT: String(PORT), E2E_MAIL_PORT: String(E2E_MAIL_PORT) },
  },
});
