/**
 * A promise that rejects with nobody listening must never pass silently: log it with its stack, and the
 * process it happened in. The e2e harness fails a run whose server log holds this line
 * (tests/e2e/support/server-log.ts), so keep the "Unhandled rejection" wording.
 */
export function logUnhandledRejections(where: string): void {
  const state = globalThis as { __portwatchUnhandledRejections?: boolean };
  if (state.__portwatchUnhandledRejections) return;
  state.__portwatchUnhandledRejections = true;
  process.on("unhandledRejection", (reason) => {
    const detail =
      reason instanceof Error
        ? (reason.stack ?? `${reason.name}: ${reason.message}`)
        : (JSON.stringify(reason) ?? String(reason));
    console.error(`Unhandled rejection in ${where} (pid ${process.pid}): ${detail}`);
  });
}
