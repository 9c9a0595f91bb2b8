import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseTarget, type DatabaseTarget } from "./config";

/**
 * PGlite is single-connection and single-process: everyone in this process shares one instance per
 * data directory (the app's client, the migrator, the local job executor).
 */
const pglites: Map<string, PGlite> = ((globalThis as { __portwatchPglites?: Map<string, PGlite> }).__portwatchPglites ??=
  new Map());

export function sharedPglite(dataDir: string): PGlite {
  let db = pglites.get(dataDir);
  if (!db) {
    if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
    db = new PGlite({ dataDir });
    pglites.set(dataDir, db);
  }
  return db;
}

export async function closeSharedPglite(dataDir: string): Promise<void> {
  const db = pglites.get(dataDir);
  pglites.delete(dataDir);
  if (db && !db.closed) await db.close();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * PrismaPg with a shadow database that really is a new, empty database. (PrismaPg's own
 * connectToShadowDb passes both a connection string and a database name to pg, and pg lets the
 * connection string win, so its "shadow" is the main database.) The schema engine replays the
 * migrations there when diffing.
 */
class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly inner: PrismaPg;

  constructor(private readonly url: string) {
    this.inner = new PrismaPg({ connectionString: url });
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.inner.connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${crypto.randomBytes(8).toString("hex")}`;
    await this.admin(`CREATE DATABASE ${name}`);
    const adapter = await new PrismaPg({ connectionString: withDatabase(this.url, name) }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** The driver adapter for a database target, used by both Prisma Client and the schema engine. */
export function adapterFactory(target: DatabaseTarget = databaseTarget()): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PostgresAdapterFactory(target.url);
  return new PrismaPGlite(sharedPglite(target.dataDir)) as unknown as SqlMigrationAwareDriverAdapterFactory;
}
