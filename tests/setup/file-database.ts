import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, inject } from "vitest";
import pg from "pg";
import { withDatabase } from "./template-database";

/**
 * Runs before each integration test file, before it imports any app module: gives the file a database
 * of its own and points DATABASE_URL at it, so `@/lib/db/client` connects there.
 */
const serverUrl = inject("postgresServerUrl");
const templateDump = inject("pgliteTemplate");
const templateName = inject("postgresTemplateName");

if (serverUrl) {
  const name = `portwatch_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
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
  // The embedded path as the app uses it: PGlite behind its PostgreSQL socket, reached through pg.
  const { startScratchDatabase } = await import("@/lib/db/embedded/server");
  const scratch = await startScratchDatabase({ loadDataDir: new Blob([fs.readFileSync(templateDump)]) });
  process.env.DATABASE_URL = scratch.url;
  afterAll(async () => {
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    await scratch.stop();
  });
}
