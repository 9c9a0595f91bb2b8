// `npm run dev` / `npm start`: starts the embedded database (unless DATABASE_URL points at a PostgreSQL
// server), applies pending migrations, then runs `next dev` / `next start` with DATABASE_URL pointing
// at it. PGlite lives in this process only; the app, its executor and any script connect over the
// PostgreSQL protocol, so no second process can ever open the data directory.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { adapterFactory } from "@/lib/db/adapter";
import { databaseTarget, embeddedPort } from "@/lib/db/config";
import { DataDirLockedError } from "@/lib/db/embedded/lock";
import {
  EmbeddedDatabaseUnreadableError,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/db/embedded/server";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { logUnhandledRejections } from "@/lib/process/unhandled-rejections";

const [mode, ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/run.ts dev|start [next options]");
  process.exit(2);
}
nextEnv.loadEnvConfig(process.cwd(), mode === "dev", { info: () => undefined, error: console.error });
logUnhandledRejections("the database process (scripts/run.ts)");
const log = (message: string) => console.log(`[portwatch] ${message}`);

let embedded: EmbeddedDatabase | null = null;
// Telemetry stays off however this script is started (npm scripts set it too).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PORTWATCH_LAUNCHER_PID: String(process.pid),
};
try {
  const target = databaseTarget();
  if (target.kind === "embedded") {
    embedded = await startEmbeddedDatabase({ dataDir: target.dataDir, port: embeddedPort(), backup: true, log });
    log(`embedded database ${target.dataDir} is served on ${embedded.url} (psql works there)`);
    if (embedded.backup) log(`automatic backup: ${embedded.backup}`);
    env.DATABASE_URL = embedded.url;
  }
  const applied = await applyPendingMigrations(adapterFactory(env.DATABASE_URL!));
  log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
} catch (err) {
  if (err instanceof DataDirLockedError || err instanceof EmbeddedDatabaseUnreadableError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error("Could not prepare the database:", err);
  }
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const app = spawn(process.execPath, [...webWorkers(), nextBin, mode, ...nextArgs], { stdio: "inherit", env });

/**
 * `npm start` with WEB_CONCURRENCY > 1 serves from that many processes (scripts/web-cluster.mjs). Not
 * with the embedded database: it runs one session at a time, so more processes would only queue.
 */
function webWorkers(): string[] {
  const wanted = Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10);
  if (mode !== "start" || !(wanted > 1)) return [];
  if (embedded) {
    log("WEB_CONCURRENCY is ignored with the embedded database: set DATABASE_URL to a PostgreSQL server");
    return [];
  }
  return [fileURLToPath(new URL("./web-cluster.mjs", import.meta.url))];
}

let exiting = false;
async function finish(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await embedded?.stop().catch((err) => console.error("Closing the embedded database failed:", err));
  }
  process.exit(code);
}

app.on("exit", (code, signal) => void finish(code ?? (signal ? 1 : 0)));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    // The app stops first (its connections close), then the database checkpoints and closes.
    if (app.exitCode === null && app.signalCode === null) app.kill(signal);
    setTimeout(() => {
      app.kill("SIGKILL");
      void finish(1);
    }, 15_000).unref();
  });
}
