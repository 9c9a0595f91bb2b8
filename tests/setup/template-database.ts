import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";

/**
 * Builds, once per test run, a database with every committed migration applied. Each test file then
 * gets its own copy: a PGlite loaded from the dump, or a PostgreSQL database created from the template.
 */
const TEMPLATE_PREFIX = "portwatch_test_template_";

/**
 * One template per test run (named by the runner's pid), so runs sharing a PostgreSQL server (several
 * worktrees, a developer's and a hook's) never drop each other's template mid-run.
 */
export function templateDatabaseName(): string {
  return `${TEMPLATE_PREFIX}${process.pid}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function migrationsHash(): string {
  const h = crypto.createHash("sha256");
  for (const name of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
    if (fs.existsSync(file)) h.update(name).update(fs.readFileSync(file));
  }
  return h.digest("hex").slice(0, 16);
}

/** Returns the path of a PGlite data-dir dump with all migrations applied (cached by migration content). */
export async function pgliteTemplateDump(): Promise<string> {
  const dir = path.resolve(".data", "test");
  const file = path.join(dir, `template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const db = new PGlite();
  await applyPendingMigrations(new PrismaPGlite(db) as unknown as SqlMigrationAwareDriverAdapterFactory);
  const dump = await db.dumpDataDir("gzip");
  await db.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  return file;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates this run's template database on the PostgreSQL server of TEST_DATABASE_URL; returns its name. */
export async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Templates left by runs that were killed before their teardown.
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [TEMPLATE_PREFIX],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(TEMPLATE_PREFIX.length));
      if (datname === name || !isRunning(pid)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const factory = new PrismaPg({ connectionString: withDatabase(serverUrl, name) });
  await applyPendingMigrations(factory);
  // The schema engine keeps its pool open; a template with live connections cannot be copied.
  const closer = new pg.Client({ connectionString: serverUrl });
  await closer.connect();
  try {
    await closer.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
  } finally {
    await closer.end();
  }
  return name;
}

export async function dropPostgresTemplate(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
