import type { ExecutorJob } from "@/lib/generated/prisma/client";
import { parseCron } from "./cron";
import { functionConfigSchema } from "./function-config";
import type { ExecutorLogger } from "./log";
import { createRun, finishRun, internalEvent } from "./runs";
import { lockRun, resolveStep, type Db } from "./store";

/** Queue items that are not calls: sleeps ending, waits and invokes timing out, cron schedules firing. */
export async function handleTimer(db: Db, job: ExecutorJob, log: ExecutorLogger): Promise<void> {
  if (job.kind === "CRON") return fireCron(db, job, log);
  await db.$transaction(async (tx) => {
    const run = job.runId ? await lockRun(tx, job.runId) : null;
    if (run?.status === "RUNNING") {
      if (job.kind === "SLEEP") {
        await resolveStep(tx, run.id, job.stepId, { data: null });
      } else if (job.kind === "WAIT_TIMEOUT") {
        const removed = await tx.executorWait.deleteMany({ where: { runId: run.id, stepId: job.stepId } });
        if (removed.count) await resolveStep(tx, run.id, job.stepId, { data: null });
      } else if (job.kind === "RUN_TIMEOUT") {
        await finishRun(tx, run, {
          status: "FAILED",
          error: {
            name: "InngestFunctionTimeoutError",
            message: "The run did not finish within its timeouts.finish limit",
          },
        });
        log.warn("run timed out", { runId: run.id, functionId: run.functionId });
      } else if (job.kind === "INVOKE_TIMEOUT") {
        await resolveStep(tx, run.id, job.stepId, {
          error: {
            name: "InngestInvokeTimeoutError",
            message: "Timed out waiting for the invoked function to complete",
          },
        });
      }
    }
    await tx.executorJob.deleteMany({ where: { id: job.id } });
  });
}

interface CronPayload {
  functionId: string;
  cron: string;
}

async function fireCron(db: Db, job: ExecutorJob, log: ExecutorLogger): Promise<void> {
  const payload = job.payload as unknown as CronPayload;
  await db.$transaction(async (tx) => {
    const fn = await tx.executorFunction.findFirst({ where: { id: payload.functionId, removedAt: null } });
    const config = fn ? functionConfigSchema.safeParse(fn.config) : null;
    const stillScheduled = config?.success && config.data.triggers.some((t) => "cron" in t && t.cron === payload.cron);
    if (!fn || !stillScheduled) {
      await tx.executorJob.deleteMany({ where: { id: job.id } });
      return;
    }
    const runId = await createRun(tx, fn, internalEvent("inngest/scheduled.timer", { cron: payload.cron }));
    // Missed occurrences while the executor was down collapse into this one run.
    const next = parseCron(payload.cron).next(new Date(Math.max(Date.now(), job.runAt.getTime())));
    await tx.executorJob.update({
      where: { id: job.id },
      data: { runAt: next, attempt: 0, lockedUntil: null, lockedBy: null },
    });
    log.debug("cron fired", { functionId: fn.id, cron: payload.cron, runId, next: next.toISOString() });
  });
}
