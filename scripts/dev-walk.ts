// `npm run walk:dev [-- <times>]`: a new user's first hour, repeated — start `npm run dev`, sign up,
// verify the email, add a domain, watch its first scan complete, stop the server — <times> times in a
// row (default 10) on the same embedded database. After each stop the data directory is opened again
// and must hold every account and completed scan of the walks so far. Prints one line per walk and a
// summary; exits non-zero if any walk failed. Uses E2E_PORT / E2E_MAIL_PORT like the e2e tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const times = Number(process.argv[2] ?? 10);
const dataDir = path.resolve(".data", "e2e-dev", "pglite");
fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });

async function countRows(): Promise<{ users: number; completedScans: number }> {
  // Opens the directory the way every script does: nobody serves it now, so this process owns it briefly.
  process.env.PGLITE_DATA_DIR = dataDir;
  process.env.DATABASE_URL = "";
  const { openScriptDatabase } = await import("@/lib/db/script-database");
  const database = await openScriptDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const users = (await client.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n as number;
    const completedScans = (await client.query(`SELECT count(*)::int AS n FROM "ScanRun" WHERE status = 'COMPLETED'`))
      .rows[0].n as number;
    return { users, completedScans };
  } finally {
    await client.end();
    await database.close();
  }
}

const results: { ok: boolean; seconds: number; note: string }[] = [];
for (let i = 1; i <= times; i++) {
  const started = Date.now();
  const walk = spawnSync("npx", ["playwright", "test", "tests/e2e/sign-up-to-asset.spec.ts"], {
    // Every walk signs up a new account from 127.0.0.1: lift the per-address sign-up limit (5 an hour).
    env: { SIGN_UP_LIMIT_PER_IP: "1000", ...process.env, E2E_DEV: "1", E2E_KEEP_DATA: "1" },
    encoding: "utf8",
  });
  const seconds = (Date.now() - started) / 1000;
  let note =
    walk.status === 0
      ? "walk passed"
      : `walk FAILED (exit ${walk.status}):\n${(walk.stdout + walk.stderr).slice(-3000)}`;
  let ok = walk.status === 0;
  try {
    const rows = await countRows();
    const expected = results.filter((r) => r.ok).length + (ok ? 1 : 0);
    note += `; after stop: ${rows.users} users, ${rows.completedScans} completed scans`;
    if (rows.users < expected || rows.completedScans < expected) {
      ok = false;
      note += ` (expected at least ${expected})`;
    }
  } catch (err) {
    ok = false;
    note += `; the data directory did not open after the stop: ${err instanceof Error ? err.message : err}`;
  }
  results.push({ ok, seconds, note });
  console.log(`walk ${i}/${times}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(0)} s — ${note}`);
}
const passed = results.filter((r) => r.ok).length;
console.log(
  `\n${passed}/${times} dev walks passed (sign up, verify, add a domain, scan, stop, start), ${(results.reduce((s, r) => s + r.seconds, 0) / 60).toFixed(1)} min in all.`,
);
process.exit(passed === times ? 0 : 1);
