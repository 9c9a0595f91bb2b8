// `npm run db:migration -- <name>`: writes a new migration from the difference between
// the committed migrations and prisma/schema.prisma. Diffing uses a throwaway in-memory database.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { writeMigration } from "@/lib/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(2);
}
const factory = new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
const dir = await writeMigration(factory, name);
console.log(dir ? `Wrote ${dir}/migration.sql` : "No schema changes: no migration written.");
process.exit(0);
