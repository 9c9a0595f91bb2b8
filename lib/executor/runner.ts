import type { ExecutorJob } from "@/lib/generated/prisma/client";
import type { BackoffOptions } from "./backoff";
import { callApp, type CallBody } from "./call";
import type { ExecutorLogger } from "./log";
import { applyCallResult } from "./outcome";
import { finishRun } from "./runs";
import { loadSteps, lockRun, type Db } from "./store";

/**
 * Handles one leased CALL job: builds the call request from the run's memoized steps, calls the app
 * and applies its answer under the run's lock.
 */
export interface RunnerDeps {
  db: Db;
  log: ExecutorLogger;
  signingKey: string;
  /** The app's serve endpoint, the only place calls go. */
  appUrl: string;
  callTimeoutMs: number;
  backoff: BackoffOptions;
  /** Lease owner id of this executor. */
  owner: string;
  isRunning(): boolean;
  release(jobId: string): Promise<void>;
}

/** Consecutive calls one lease may make before handing the run back to the queue (fairness). */
const MAX_CALLS_PER_LEASE = 25;

/** Calls the app for a job, then keeps calling while each call completes a step (up to a bound). */
export async function runCallJob(deps: RunnerDeps, initial: ExecutorJob, signal: AbortSignal): Promise<void> {
  let job: ExecutorJob | null = initial;
  for (let calls = 1; job; calls++) {
    const next: ExecutorJob | null = await callOnce(deps, job, signal);
    if (next && (!deps.isRunning() || calls >= MAX_CALLS_PER_LEASE)) {
      await deps.release(next.id);
      return;
    }
    job = next;
  }
}

async function callOnce(deps: RunnerDeps, job: ExecutorJob, signal: AbortSignal): Promise<ExecutorJob | null> {
  const { db, log } = deps;
  const runId = job.runId!;
  const run = await db.executorRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "RUNNING") {
    await db.executorJob.deleteMany({ where: { id: job.id } });
    return null;
  }
  const fn = await db.executorFunction.findUnique({ where: { id: run.functionId } });
  if (!fn || fn.removedAt) {
    await db.$transaction(async (tx) => {
      const locked = await lockRun(tx, runId);
      if (locked?.status === "RUNNING") {
        await finishRun(tx, locked, {
          status: "FAILED",
          error: { name: "Error", message: `Function ${run.functionId} is no longer synced` },
        });
      }
    });
    return null;
  }
  const { steps, stack } = await loadSteps(db, runId);
  const body: CallBody = {
    event: run.event,
    events: [run.event],
    steps,
    ctx: {
      run_id: run.id,
      attempt: job.attempt,
      max_attempts: run.maxAttempts,
      disable_immediate_execution: run.disableImmediateExecution,
      use_api: false,
      stack: { stack, current: stack.length },
    },
  };
  log.debug("calling app", { runId, functionId: run.functionId, stepId: job.stepId, attempt: job.attempt });
  const result = await callApp({
    appUrl: deps.appUrl,
    functionId: fn.id,
    stepId: job.stepId,
    body,
    signingKey: deps.signingKey,
    signal,
    timeoutMs: deps.callTimeoutMs,
  });
  if (signal.aborted && !deps.isRunning()) {
    await deps.release(job.id);
    return null;
  }
  return db.$transaction(async (tx) => {
    const locked = await lockRun(tx, runId);
    const current = await tx.executorJob.findUnique({ where: { id: job.id } });
    // Another executor took the job over after our lease lapsed: its result wins.
    if (!current || current.lockedBy !== deps.owner) return null;
    if (locked?.status !== "RUNNING") {
      await tx.executorJob.deleteMany({ where: { id: job.id } });
      return null;
    }
    return applyCallResult({ tx, run: locked, job: current, backoff: deps.backoff, log }, result);
  });
}
