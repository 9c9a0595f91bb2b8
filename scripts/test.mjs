#!/usr/bin/env node
// `npm test`: typecheck, lint (ESLint, knip), unit tests, integration tests (PGlite, then PostgreSQL when
// TEST_DATABASE_URL is set), the Playwright end-to-end flow on a production build and its first-day
// journey on the dev server. Ends with one summary line.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "portwatch-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
// Why each failed step failed, repeated at the very end: CI keeps only the tail of a long log.
const failureDigest = [];

/** Runs one step with its output shown live and kept, so a failure's cause can be repeated at the end. */
async function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  const keep = (chunk, sink) => {
    sink.write(chunk);
    output += chunk.toString();
    if (output.length > 8_000_000) output = output.slice(-4_000_000);
  };
  child.stdout.on("data", (c) => keep(c, process.stdout));
  child.stderr.on("data", (c) => keep(c, process.stderr));
  const [code, signal] = await new Promise((resolve) => child.on("close", (c, s) => resolve([c, s])));
  const ok = code === 0;
  console.log(
    `━━ ${name}: ${ok ? "ok" : `FAILED (exit ${code ?? signal})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  if (!ok) {
    failedSteps.push(name);
    failureDigest.push(`── ${name} ──\n${causeOf(output)}`);
  }
  return ok;
}

/**
 * The part of a failed step's output that says why: Vitest's "Failed Tests/Suites" and "Unhandled Errors"
 * sections, Playwright's numbered failures; otherwise the step's last lines.
 */
function causeOf(output) {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const start = lines.findIndex((l) => /⎯ (Failed|Unhandled)|^\s+\d+\) \[/.test(l));
  const text = (start >= 0 ? lines.slice(start) : lines.slice(-60)).join("\n");
  return text.length > 8_000 ? `${text.slice(0, 8_000)}\n[… cut]` : text;
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

async function vitest(name, project, extraArgs, env = {}) {
  const out = path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`);
  await step(
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

if (wants("typecheck")) await step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
if (wants("lint")) {
  await step("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
  // Unused files, dependencies and exports (knip.jsonc says what counts).
  await step("dead code (knip)", "npx", ["knip", "--no-progress"]);
  // One formatting for every file (.prettierrc.json); `npm run format` fixes what this reports.
  await step("formatting (prettier)", "npx", ["prettier", "--check", "--log-level=warn", "."]);
}
if (wants("unit")) await vitest("unit tests", "unit", []);
if (wants("integration")) {
  await vitest("integration tests (PGlite)", "integration", [], { TEST_DATABASE_URL: "" });
  if (process.env.TEST_DATABASE_URL) {
    // The scanner's tests touch no database, and the embedded database's own tests (one owner, SIGKILL,
    // backups) run their own PGlite processes: the PostgreSQL pass covers everything else.
    const embeddedOnly = [
      "tests/integration/scanner/**",
      "tests/integration/db/embedded*.test.ts",
      "tests/integration/db/kill-during-scan.test.ts",
    ];
    await vitest(
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
  await step("end-to-end (Playwright, chromium)", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  countPlaywright(out);
}
if (wants("e2e-dev")) {
  // The first-day journey again on `npm run dev` (next dev starts helper processes of its own).
  const out = path.join(reportDir, "e2e-dev.json");
  await step("end-to-end in dev mode (next dev)", "npx", ["playwright", "test", "tests/e2e/sign-up-to-asset.spec.ts"], {
    E2E_DEV: "1",
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  countPlaywright(out);
}

if (failureDigest.length) console.log(`\n━━ why the failed steps failed ━━\n${failureDigest.join("\n\n")}`);
console.log(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(", ")}` : "All steps passed."}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
