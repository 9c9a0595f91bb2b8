/**
 * Next.js server start hook. Stamps every request with its socket address (lib/auth/socket-address.ts)
 * and runs the local Inngest executor inside this process (PGlite allows one process per database)
 * unless an external Inngest is configured; see docs/executor.md.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressHeader } = await import("./lib/auth/socket-address");
    installSocketAddressHeader();
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startLocalExecutorFromEnv } = await import("./lib/executor/from-env");
    await startLocalExecutorFromEnv();
  }
}
