import { decideLocalExecutor, executorSettings, pointSdkAtExecutor } from "./env";
import { startLocalExecutor, type LocalExecutor } from "./index";
import { createLogger } from "./log";

/**
 * Starts the local executor inside the Next.js server process (instrumentation.ts) unless an external
 * Inngest is configured. One per process: Next may call register() again in development.
 */
const globalState = globalThis as { __portwatchExecutor?: Promise<LocalExecutor | null> };

export function startLocalExecutorFromEnv(
  env: Record<string, string | undefined> = process.env,
): Promise<LocalExecutor | null> {
  globalState.__portwatchExecutor ??= (async () => {
    const log = createLogger();
    let decision;
    try {
      decision = decideLocalExecutor(env);
    } catch (err) {
      log.error("local executor not started", { err });
      return null;
    }
    if (!decision.start) {
      log.info("local executor not started", { reason: decision.reason });
      return null;
    }
    try {
      const settings = executorSettings(env);
      const executor = await startLocalExecutor({
        appUrl: settings.appUrl,
        signingKey: settings.signingKey,
        eventKey: settings.eventKey,
        host: settings.host,
        port: settings.port,
        maxInFlight: settings.maxInFlight,
        log,
        resyncIntervalMs: env.NODE_ENV === "development" ? 5 * 60_000 : 0,
      });
      pointSdkAtExecutor(env, executor.url, settings);
      log.info("local executor listening", { url: executor.url, appUrl: settings.appUrl });
      return executor;
    } catch (err) {
      log.error("local executor failed to start; Inngest functions will not run", { err });
      return null;
    }
  })();
  return globalState.__portwatchExecutor;
}
