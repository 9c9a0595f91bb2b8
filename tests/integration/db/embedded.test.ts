import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { listBackups, restoreBackup } from "@/lib/db/embedded/backups";
import { lockPath } from "@/lib/db/embedded/lock";
import { EmbeddedDatabaseUnreadableError, startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { runFixture, type Fixture } from "./processes";

/**
 * The embedded database has exactly one owner per data directory: other processes either fail at
 * once with a message naming the directory and the owner, or go through the owner's socket.
 */
const running: Fixture[] = [];
const dirs: string[] = [];

function tempDataDir(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "portwatch-embedded-"));
  dirs.push(base);
  return path.join(base, "pglite");
}

afterEach(async () => {
  for (const f of running.splice(0)) {
    f.signal("SIGKILL");
    await f.exited;
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Opens a directory directly with PGlite, as a restart would, and runs one query. */
async function openDirectly<T>(dataDir: string, sql: string): Promise<T[]> {
  const db = new PGlite({ dataDir });
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}

describe("one owner per embedded data directory", () => {
  it("refuses a second owner process by name, lets a script through the owner, and leaves the directory intact", async () => {
    const dataDir = tempDataDir();
    const owner = runFixture("own-database.ts", [dataDir]);
    running.push(owner);
    const { url, pid } = (await owner.first) as { url: string; pid: number };
    await query(url, "CREATE TABLE notes (body text)");
    await query(url, "INSERT INTO notes VALUES ('written by the owner')");

    const second = runFixture("own-database.ts", [dataDir]);
    running.push(second);
    const refused = (await second.first) as { error: string; locked: boolean };
    expect(await second.exited).toBe(1);
    expect(refused.locked).toBe(true);
    expect(refused.error).toContain(dataDir);
    expect(refused.error).toContain(`process ${pid}`);

    // A script (e.g. `npm run db:migrate` while `npm run dev` runs) goes through the owner's socket.
    const script = runFixture("script-through-owner.ts", [], { PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" });
    running.push(script);
    expect(await script.first).toEqual({ owner: false, url });
    expect(await script.exited).toBe(0);
    expect(await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM visits")).toEqual([{ n: 1 }]);

    owner.signal("SIGTERM");
    expect(await owner.exited).toBe(0);
    expect(fs.existsSync(lockPath(dataDir))).toBe(false);
    expect(await openDirectly(dataDir, "SELECT body FROM notes")).toEqual([{ body: "written by the owner" }]);
  }, 180_000);

  it("recovers the lock of an owner that died without releasing it", async () => {
    const dataDir = tempDataDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(
      lockPath(dataDir),
      JSON.stringify({
        pid: deadPid,
        startTicks: null,
        host: os.hostname(),
        command: "killed",
        startedAt: new Date().toISOString(),
      }),
    );

    const embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
    try {
      expect(JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8"))).toMatchObject({
        pid: process.pid,
        url: embedded.url,
      });
      expect(await query(embedded.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await embedded.stop();
    }
    expect(fs.existsSync(lockPath(dataDir))).toBe(false);
  }, 120_000);

  it("importing the app's database client opens nothing; first use without a running database says what to start", async () => {
    const dataDir = tempDataDir();
    const probe = runFixture("import-only.ts", [], { PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" });
    running.push(probe);
    const report = (await probe.first) as { touched: boolean; firstUse: string; touchedAfterUse: boolean };
    expect(report.touched).toBe(false);
    expect(report.touchedAfterUse).toBe(false);
    expect(report.firstUse).toContain(`The embedded database (${dataDir}) is not running`);
    expect(report.firstUse).toContain("npm run dev");
  }, 60_000);
});

describe("automatic backups and recovery", () => {
  it("keeps the last 3 backups; a damaged directory gets one clear paragraph and is restored from the newest backup", async () => {
    const dataDir = tempDataDir();
    for (let start = 1; start <= 4; start++) {
      const embedded = await startEmbeddedDatabase({ dataDir, port: 0, backup: true });
      await query(embedded.url, "CREATE TABLE IF NOT EXISTS starts (n int)");
      await query(embedded.url, "INSERT INTO starts VALUES ($1)", [start]);
      await embedded.stop();
    }
    const backups = listBackups(dataDir);
    expect(backups).toHaveLength(3);

    // Damage it the way a second PostgreSQL on the same directory does: the WAL no longer matches.
    const wal = path.join(dataDir, "pg_wal");
    for (const f of fs.readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f))) fs.truncateSync(path.join(wal, f), 0);

    const failure = await startEmbeddedDatabase({ dataDir, port: 0, backup: true }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(EmbeddedDatabaseUnreadableError);
    const message = (failure as Error).message;
    expect(message).toContain(`The embedded database in ${dataDir} could not be opened`);
    expect(message).toContain(backups[0]);
    expect(message).toContain("npm run db:restore");
    expect(message).not.toContain("\n");
    expect(fs.existsSync(lockPath(dataDir))).toBe(false);

    fs.renameSync(dataDir, `${dataDir}.damaged`);
    await restoreBackup(backups[0]!, dataDir);
    // The newest backup was taken at the 4th start, before that session's insert.
    expect(await openDirectly<{ n: number }>(dataDir, "SELECT n FROM starts ORDER BY n")).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    await expect(restoreBackup(backups[0]!, dataDir)).rejects.toThrow(/not empty/);
  }, 300_000);
});
