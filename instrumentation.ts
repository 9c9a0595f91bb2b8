/**
 * Next.js server start hook. Stamps every request with its socket address (lib/auth/socket-address.ts),
 * logs unhandled rejections with their stack, stops the server when the process serving its embedded
 * database is gone, and runs the local Inngest executor inside this process unless an external Inngest
 * is configured (docs/executor.md).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressHeader } = await import("./lib/auth/socket-address");
    installSocketAddressHeader();
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { logUnhandledRejections } = await import("./lib/process/unhandled-rejections");
    logUnhandledRejections("the app server");
    const { exitWithLauncher } = await import("./lib/process/launcher");
    exitWithLauncher();
    const { startLocalExecutorFromEnv } = await import("./lib/executor/from-env");
    await startLocalExecutorFromEnv();
  }
}
