// `npm run db:restore [-- <backup file>]`: recreates the embedded database from an automatic backup
// (the newest one by default). The damaged directory must be moved aside first; nothing is overwritten.
import { databaseTarget } from "@/lib/db/config";
import { listBackups, restoreBackup } from "@/lib/db/embedded/backups";

const target = databaseTarget();
if (target.kind !== "embedded") {
  console.error(
    "DATABASE_URL is set: restores apply to the embedded database only (use pg_restore for a PostgreSQL server).",
  );
  process.exit(2);
}
const file = process.argv[2] ?? listBackups(target.dataDir)[0];
if (!file) {
  console.error(`No automatic backup of ${target.dataDir} was found.`);
  process.exit(1);
}
try {
  await restoreBackup(file, target.dataDir);
  console.log(`Restored ${target.dataDir} from ${file}. Start the app again with npm run dev or npm start.`);
  process.exit(0);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
