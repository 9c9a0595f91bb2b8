import path from "node:path";

/** Where the embedded PGlite database lives when DATABASE_URL is unset. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.PGLITE_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite"));
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

/** DATABASE_URL unset → embedded PGlite under .data/; postgres://… → a real PostgreSQL server. */
export function databaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url) return { kind: "pglite", dataDir: embeddedDataDir() };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: url.slice("pglite:".length) };
  throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (or be unset for the embedded database)");
}
