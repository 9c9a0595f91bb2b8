import { databaseTarget } from "./config";
import { liveOwner } from "./embedded/lock";
import { startEmbeddedDatabase } from "./embedded/server";

export interface ScriptDatabase {
  url: string;
  /** True when this process opened the embedded directory itself (nobody else was serving it). */
  owner: boolean;
  close(): Promise<void>;
}

/**
 * For command-line scripts (migrations, restores, the standalone executor): DATABASE_URL, or the
 * running app's embedded database through its socket, or — when nothing serves the embedded
 * directory — the directory opened by this process for as long as the script runs (holding its lock).
 * Scripts therefore work whether or not `npm run dev` is running.
 */
export async function openScriptDatabase(): Promise<ScriptDatabase> {
  const target = databaseTarget();
  if (target.kind === "postgres") return { url: target.url, owner: false, close: async () => undefined };
  const owner = liveOwner(target.dataDir);
  if (owner?.url) return { url: owner.url, owner: false, close: async () => undefined };
  const embedded = await startEmbeddedDatabase({ dataDir: target.dataDir, port: 0 });
  return { url: embedded.url, owner: true, close: embedded.stop };
}
