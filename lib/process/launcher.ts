/**
 * `npm run dev` / `npm start` (scripts/run.ts) serve the embedded database and start Next.js with
 * PORTWATCH_LAUNCHER_PID set. If that process dies (killed, crashed), the app has lost its database:
 * it exits too instead of serving errors, and the next start recovers the data directory.
 */
export function exitWithLauncher(pid = Number(process.env.PORTWATCH_LAUNCHER_PID)): void {
  if (!Number.isInteger(pid) || pid <= 0) return;
  const state = globalThis as { __portwatchLauncherWatch?: NodeJS.Timeout };
  state.__portwatchLauncherWatch ??= setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      console.error(
        `The process serving the database (pid ${pid}) has stopped; the app stops too. Start it again with npm run dev or npm start.`,
      );
      process.exit(1);
    }
  }, 1_000).unref();
}
