import path from "node:path";

/** Where the embedded PGlite database lives when DATABASE_URL is unset. */
export function embeddedDataDir(): string {
  return path.resolve(
    process.env.PGLITE_DATA_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite"),
  );
}

/** The loopback port the embedded database listens on for `npm run dev` / `npm start` (psql works there). */
export function embeddedPort(): number {
  const raw = process.env.PGLITE_PORT?.trim();
  if (!raw) return 54329;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PGLITE_PORT must be a port number (0 = any free port), got "${raw}"`);
  return port;
}

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string };

/**
 * DATABASE_URL unset → the embedded PGlite under .data/, served over the PostgreSQL protocol by one
 * owner process (lib/db/embedded); postgres://… → a real PostgreSQL server.
 */
export function databaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url) return { kind: "embedded", dataDir: embeddedDataDir() };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (or be unset for the embedded database)");
}
