// Standalone local executor, for running it in its own process against PostgreSQL (DATABASE_URL).
// The app must then be pointed at it explicitly (docs/executor.md, "Separate process"):
//   PORTWATCH_APP_URL=http://127.0.0.1:3000/api/inngest INNGEST_SIGNING_KEY=signkey-local-<hex> \
//   INNGEST_EVENT_KEY=<key> DATABASE_URL=postgres://… npx tsx scripts/executor.ts
import { databaseTarget } from "@/lib/db/config";
import { startLocalExecutor, type LocalExecutor } from "@/lib/executor";
import { executorSettings, type ExecutorEnvSettings } from "@/lib/executor/env";
import { createLogger } from "@/lib/executor/log";

const log = createLogger();

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    log.error(`${name} is required`, { hint: "see docs/executor.md" });
    process.exit(2);
  }
  return value;
}

try {
  if (databaseTarget().kind === "embedded") {
    log.error(
      "the standalone executor needs DATABASE_URL=postgres://…; with the embedded database it runs inside the app (npm run dev / npm start)",
    );
    process.exit(2);
  }
} catch (err) {
  log.error("invalid DATABASE_URL", { err });
  process.exit(2);
}

let settings: ExecutorEnvSettings;
try {
  settings = executorSettings(process.env);
} catch (err) {
  log.error("invalid executor settings", { err });
  process.exit(2);
}

let executor: LocalExecutor;
try {
  executor = await startLocalExecutor({
    appUrl: required("PORTWATCH_APP_URL"),
    signingKey: required("INNGEST_SIGNING_KEY"),
    eventKey: required("INNGEST_EVENT_KEY"),
    host: settings.host,
    port: settings.port,
    maxInFlight: settings.maxInFlight,
    log,
  });
} catch (err) {
  log.error("executor failed to start", { err });
  process.exit(1);
}
log.info("local executor listening", { url: executor.url });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("stopping", { signal });
  await executor.stop();
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
