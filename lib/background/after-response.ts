import { after } from "next/server";

/**
 * Runs `task` once the response has been sent, so the answer does not wait for work whose duration
 * would tell something (whether an account exists, whether a mail went out). Failures are logged: the
 * answer has already gone. Outside a request (scripts, tests that call actions as plain functions)
 * there is no response to wait for, and the task runs at once.
 */
export async function afterResponse(label: string, task: () => Promise<unknown>): Promise<void> {
  const run = async () => {
    try {
      await task();
    } catch (error) {
      console.error(`[portwatch] ${label} failed`, error);
    }
  };
  try {
    after(run);
  } catch {
    await run();
  }
}
