// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { adapterFactory } from "@/lib/db/adapter";
import { applyPendingMigrations } from "@/lib/db/migrations";

const applied = await applyPendingMigrations(adapterFactory());
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
process.exit(0);
