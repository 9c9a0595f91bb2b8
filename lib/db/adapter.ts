import crypto from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

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

/**
 * The one driver path of the app, the executor, the migrator and the scripts: PostgreSQL's protocol
 * through @prisma/adapter-pg, whether the server is a real PostgreSQL or the embedded PGlite socket.
 */
export function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return new PostgresAdapterFactory(url);
}
