import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { TEMPLATE_DB_NAME, withDatabase } from "./template-database";

/**
 * Runs before each integration test file, before it imports any app module: gives the file a database
 * of its own and points DATABASE_URL at it, so `@/lib/db/client` connects there.
 */
const serverUrl = inject("postgresServerUrl");
const templateDump = inject("pgliteTemplate");

if (serverUrl) {
  const name = `portwatch_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB_NAME}`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  afterAll(async () => {
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
} else if (templateDump) {
  const key = `memory://test-${crypto.randomBytes(6).toString("hex")}`;
  const dump = new Blob([fs.readFileSync(templateDump)]);
  const instance = new PGlite({ loadDataDir: dump });
  await instance.waitReady;
  // lib/db/adapter shares PGlite instances through this map: the app's client will find this one.
  const registry = ((globalThis as { __portwatchPglites?: Map<string, PGlite> }).__portwatchPglites ??= new Map());
  registry.set(key, instance);
  process.env.DATABASE_URL = `pglite:${key}`;
  afterAll(async () => {
    await instance.close();
  });
}
