import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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

/** The driver adapter for a database target, used by both Prisma Client and the schema engine. */
export function adapterFactory(target: DatabaseTarget = databaseTarget()): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PrismaPg({ connectionString: target.url });
  return new PrismaPGlite(sharedPglite(target.dataDir)) as unknown as SqlMigrationAwareDriverAdapterFactory;
}
