// `npm run plan -- --org <organisation id> --plan <TRIAL|STARTER|PRO|ENTERPRISE>`: sets an organisation's
// plan on a self-hosted install (no Stripe). Works against DATABASE_URL or the embedded database,
// whether or not the app is running (lib/db/script-database.ts). The change is in the audit log.
import { parseArgs } from "node:util";
import { openScriptDatabase, type ScriptDatabase } from "@/lib/db/script-database";

const USAGE = "Usage: npm run plan -- --org <organisation id> --plan <TRIAL|STARTER|PRO|ENTERPRISE>";

let code = 0;
let database: ScriptDatabase | undefined;
try {
  const { values } = parseArgs({ options: { org: { type: "string" }, plan: { type: "string" } }, strict: true });
  if (!values.org || !values.plan) throw new Error(USAGE);
  database = await openScriptDatabase();
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: the Prisma client reads it on first use.
  const { setPlanFromCli, describePlanChange } = await import("@/lib/billing/set-plan-from-cli");
  console.log(describePlanChange(await setPlanFromCli(values.org, values.plan)));
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await database?.close();
}
process.exit(code);
