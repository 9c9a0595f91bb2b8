import { databaseTarget } from "./config";
import { liveOwner } from "./embedded/lock";

export class EmbeddedDatabaseNotRunningError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database (${dataDir}) is not running. Start the app with \`npm run dev\` or \`npm start\`, ` +
        `which start it before the app, or set DATABASE_URL=postgres://… to use a PostgreSQL server.`,
    );
    this.name = "EmbeddedDatabaseNotRunningError";
  }
}

/**
 * The PostgreSQL URL this process talks to: DATABASE_URL, or the socket of the process that owns the
 * embedded data directory (`npm run dev` / `npm start` start it and pass its URL down). The app never
 * opens the data directory itself.
 */
export function databaseUrl(): string {
  const target = databaseTarget();
  if (target.kind === "postgres") return target.url;
  const owner = liveOwner(target.dataDir);
  if (owner?.url) return owner.url;
  throw new EmbeddedDatabaseNotRunningError(target.dataDir);
}
