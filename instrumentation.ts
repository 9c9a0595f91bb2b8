/**
 * Next.js server start hook. Runs the local Inngest executor inside this process (PGlite allows one
 * process per database) unless an external Inngest is configured; see docs/executor.md.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startLocalExecutorFromEnv } = await import("./lib/executor/from-env");
    await startLocalExecutorFromEnv();
  }
}
