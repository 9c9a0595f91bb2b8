#!/usr/bin/env node
// `npm test`: typecheck, lint (ESLint, knip), unit tests, integration tests (PGlite, then PostgreSQL when
// TEST_DATABASE_URL is set), the Playwright end-to-end flow on a production build and its first-day
// journey on the dev server. Ends with one summary line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "portwatch-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = res.status === 0;
  console.log(
    `━━ ${name}: ${ok ? "ok" : `FAILED (exit ${res.status ?? res.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  if (!ok) failedSteps.push(name);
  return ok;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

function vitest(name, project, extraArgs, env = {}) {
  const out = path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`);
  step(
    name,
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
      ...extraArgs,
    ],
    env,
  );
  countVitest(out);
}

const only = process.argv.slice(2);
const wants = (s) => only.length === 0 || only.includes(s);

if (wants("typecheck")) step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
if (wants("lint")) {
  step("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
  // Unused files, dependencies and exports (knip.jsonc says what counts).
  step("dead code (knip)", "npx", ["knip", "--no-progress"]);
  // One formatting for every file (.prettierrc.json); `npm run format` fixes what this reports.
  step("formatting (prettier)", "npx", ["prettier", "--check", "--log-level=warn", "."]);
}
if (wants("unit")) vitest("unit tests", "unit", []);
if (wants("integration")) {
  vitest("integration tests (PGlite)", "integration", [], { TEST_DATABASE_URL: "" });
  if (process.env.TEST_DATABASE_URL) {
    // The scanner's tests touch no database, and the embedded database's own tests (one owner, SIGKILL,
    // backups) run their own PGlite processes: the PostgreSQL pass covers everything else.
    const embeddedOnly = [
      "tests/integration/scanner/**",
      "tests/integration/db/embedded*.test.ts",
      "tests/integration/db/kill-during-scan.test.ts",
    ];
    vitest(
      "integration tests (PostgreSQL)",
      "integration",
      embeddedOnly.flatMap((glob) => ["--exclude", glob]),
    );
  } else {
    console.log("\n(TEST_DATABASE_URL unset: integration tests ran on PGlite only.)");
  }
}
if (wants("e2e")) {
  const out = path.join(reportDir, "e2e.json");
  step("end-to-end (Playwright, chromium)", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  countPlaywright(out);
}
if (wants("e2e-dev")) {
  // The first-day journey again on `npm run dev` (next dev starts helper processes of its own).
  const out = path.join(reportDir, "e2e-dev.json");
  step("end-to-end in dev mode (next dev)", "npx", ["playwright", "test", "tests/e2e/sign-up-to-asset.spec.ts"], {
    E2E_DEV: "1",
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  countPlaywright(out);
}

console.log(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(", ")}` : "All steps passed."}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
