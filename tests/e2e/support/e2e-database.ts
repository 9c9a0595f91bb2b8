import path from "node:path";
import pg from "pg";
import { liveOwner } from "../../../lib/db/embedded/lock";
import { e2eRoot } from "./server-log";

/** The e2e server's embedded database (tests/e2e/support/serve.ts), for the rare spec that sets state a user cannot. */
export function e2eDataDir(): string {
  return path.join(e2eRoot(), "pglite");
}

export async function withE2eDatabase<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = liveOwner(e2eDataDir())?.url;
  if (!url) throw new Error(`The e2e database (${e2eDataDir()}) is not running`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}
