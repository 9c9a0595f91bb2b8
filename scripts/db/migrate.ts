// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database
// (through the running app's socket, or opened by this script when the app is not running).
import { adapterFactory } from "@/lib/db/adapter";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openScriptDatabase, type ScriptDatabase } from "@/lib/db/script-database";

let code = 0;
let database: ScriptDatabase | undefined;
try {
  database = await openScriptDatabase();
  const applied = await applyPendingMigrations(adapterFactory(database.url));
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await database?.close();
}
process.exit(code);
