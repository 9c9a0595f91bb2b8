import type { ExecutorJob, ExecutorRun } from "@/lib/generated/prisma/client";
import { backoffDelay, parseRetryAfter, type BackoffOptions } from "./backoff";
import type { CallResult } from "./call";
import { resolveDeadline } from "./duration";
import { compileExpression } from "./expressions";
import type { ExecutorLogger } from "./log";
import { parseJson, parseOps, toSerializedError, type Op } from "./ops";
import { createRun, finishRun, internalEvent, type SerializedError } from "./runs";
import { DISCOVERY, enqueueDiscovery, json, memoizeStep, stepKey, type Tx } from "./store";

/**
 * Applies the app's answer to one call request, inside the transaction that holds the run's lock:
 * completed steps are stored before anything else is queued, so no finished step is ever re-run.
 */
export interface OutcomeContext {
  tx: Tx;
  run: ExecutorRun;
  job: ExecutorJob;
  backoff: BackoffOptions;
  log: ExecutorLogger;
  now?: Date;
}

const UNSUPPORTED_ERROR = "UnsupportedStepError";

/**
 * Returns the job to call next right away (the same job, turned into the run's next discovery) when the
 * call completed a step, so a run's steps follow each other without a trip through the queue.
 */
export async function applyCallResult(ctx: OutcomeContext, result: CallResult): Promise<ExecutorJob | null> {
  if (result.kind === "error") {
    await retryOrFail(ctx, { name: "Error", message: result.error.message }, null);
    return null;
  }
  const { status, headers, body } = result;
  if (status === 200) {
    await finishRun(ctx.tx, ctx.run, { status: "COMPLETED", output: parseJson(body) });
    ctx.log.debug("run completed", { runId: ctx.run.id, functionId: ctx.run.functionId });
    return null;
  }
  if (status === 206) {
    let ops: Op[];
    try {
      ops = parseOps(body);
    } catch (err) {
      await retryOrFail(
        ctx,
        { name: "Error", message: `Unreadable step report from the app: ${(err as Error).message}` },
        null,
      );
      return null;
    }
    return applyOps(ctx, ops, headers);
  }
  const error = toSerializedError(parseJson(body), `HTTP ${status}`);
  if (headers.get("x-inngest-no-retry") === "true") await failRun(ctx, error);
  else await retryOrFail(ctx, error, parseRetryAfter(headers.get("retry-after"), ctx.now));
  return null;
}

async function failRun(ctx: OutcomeContext, error: SerializedError) {
  await finishRun(ctx.tx, ctx.run, { status: "FAILED", error });
  ctx.log.warn("run failed", { runId: ctx.run.id, functionId: ctx.run.functionId, error: error.message });
}

/** Schedules the same call again after a backoff, or fails the run once its attempts are used up. */
async function retryOrFail(ctx: OutcomeContext, error: SerializedError, retryAfterMs: number | null) {
  const attempt = ctx.job.attempt + 1;
  if (attempt >= ctx.run.maxAttempts) return failRun(ctx, error);
  const delay = retryAfterMs ?? backoffDelay(ctx.job.attempt, ctx.backoff);
  await ctx.tx.executorJob.update({
    where: { id: ctx.job.id },
    data: { attempt, runAt: new Date(Date.now() + delay), lockedUntil: null, lockedBy: null },
  });
  ctx.log.info("call failed, retrying", {
    runId: ctx.run.id,
    functionId: ctx.run.functionId,
    attempt,
    delayMs: delay,
    error: error.message,
  });
}

async function applyOps(ctx: OutcomeContext, ops: Op[], headers: Headers): Promise<ExecutorJob | null> {
  const { tx, run, job } = ctx;
  let progressed = false;
  let keepJob = false;
  if (ops.length > 1 && !run.disableImmediateExecution) {
    await tx.executorRun.update({ where: { id: run.id }, data: { disableImmediateExecution: true } });
  }
  // A report built before a concurrent step finished may still list that step: it is done, skip it.
  const memoized = new Set(
    (
      await tx.executorStepResult.findMany({
        where: { runId: run.id, stepId: { in: ops.map((o) => o.id) } },
        select: { stepId: true },
      })
    ).map((r) => r.stepId),
  );
  for (const op of ops) {
    if (memoized.has(op.id) && op.op !== "RunComplete") continue;
    switch (op.op) {
      case "StepRun":
      case "Step":
        progressed = (await memoizeStep(tx, run.id, op.id, { data: op.data ?? null })) || progressed;
        break;
      case "StepFailed":
        progressed =
          (await memoizeStep(tx, run.id, op.id, { error: op.error ?? toSerializedError(op.data) })) || progressed;
        break;
      case "StepError": {
        const retried = await retryStep(ctx, op, parseRetryAfter(headers.get("retry-after"), ctx.now));
        if (retried === "same-job") keepJob = true;
        if (retried === "exhausted") progressed = true;
        break;
      }
      case "StepPlanned":
        await tx.executorJob.createMany({
          data: [{ kind: "CALL", runId: run.id, stepId: op.id, runAt: new Date(), dedupeKey: stepKey(run.id, op.id) }],
          skipDuplicates: true,
        });
        break;
      case "Sleep":
        progressed = (await planSleep(ctx, op)) || progressed;
        break;
      case "WaitForEvent":
        progressed = (await planWait(ctx, op)) || progressed;
        break;
      case "InvokeFunction":
        progressed = (await planInvoke(ctx, op)) || progressed;
        break;
      case "RunComplete":
        await finishRun(tx, run, { status: "COMPLETED", output: op.data ?? null });
        return null;
      case "StepNotFound":
        ctx.log.warn("app could not find a planned step; rediscovering", { runId: run.id, stepId: op.id });
        progressed = true;
        break;
      default:
        ctx.log.warn("unsupported step operation", { runId: run.id, op: op.op });
        progressed =
          (await memoizeStep(tx, run.id, op.id, {
            error: { name: UNSUPPORTED_ERROR, message: `The local executor does not support ${op.op} steps` },
          })) || progressed;
    }
  }
  if (keepJob) {
    if (progressed) await enqueueDiscovery(tx, run.id);
    return null;
  }
  if (progressed) {
    return tx.executorJob.update({
      where: { id: job.id },
      data: { stepId: DISCOVERY, attempt: 0, runAt: new Date(), dedupeKey: null },
    });
  }
  await tx.executorJob.deleteMany({ where: { id: job.id } });
  return null;
}

/** A step threw a retriable error: run that step again later, or record its error when out of attempts. */
async function retryStep(
  ctx: OutcomeContext,
  op: Op,
  retryAfterMs: number | null,
): Promise<"same-job" | "new-job" | "exhausted"> {
  const { tx, run, job } = ctx;
  const attempt = job.attempt + 1;
  const error = op.error ?? toSerializedError(op.data);
  if (attempt >= run.maxAttempts) {
    await memoizeStep(tx, run.id, op.id, { error });
    return "exhausted";
  }
  const runAt = new Date(Date.now() + (retryAfterMs ?? backoffDelay(job.attempt, ctx.backoff)));
  ctx.log.info("step failed, retrying", {
    runId: run.id,
    stepId: op.id,
    attempt,
    error: toSerializedError(error).message,
  });
  if (job.stepId === op.id) {
    await tx.executorJob.update({ where: { id: job.id }, data: { attempt, runAt, lockedUntil: null, lockedBy: null } });
    return "same-job";
  }
  await tx.executorJob.createMany({
    data: [{ kind: "CALL", runId: run.id, stepId: op.id, attempt, runAt, dedupeKey: stepKey(run.id, op.id) }],
    skipDuplicates: true,
  });
  return "new-job";
}

/** Stores an error for a step whose options are unusable; the function sees it as a StepError. */
async function rejectStep(ctx: OutcomeContext, op: Op, message: string): Promise<boolean> {
  ctx.log.warn("invalid step options", { runId: ctx.run.id, stepId: op.id, op: op.op, error: message });
  return memoizeStep(ctx.tx, ctx.run.id, op.id, { error: { name: "Error", message } });
}

async function planSleep(ctx: OutcomeContext, op: Op): Promise<boolean> {
  let until: Date;
  try {
    until = resolveDeadline(op.opts?.duration ?? op.name, ctx.now ?? new Date());
  } catch (err) {
    return rejectStep(ctx, op, (err as Error).message);
  }
  await ctx.tx.executorJob.createMany({
    data: [
      { kind: "SLEEP", runId: ctx.run.id, stepId: op.id, runAt: until, dedupeKey: `sleep:${ctx.run.id}:${op.id}` },
    ],
    skipDuplicates: true,
  });
  return false;
}

async function planWait(ctx: OutcomeContext, op: Op): Promise<boolean> {
  const eventName = typeof op.opts?.event === "string" ? op.opts.event : op.name;
  const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
  let expiresAt: Date;
  try {
    if (!eventName) throw new Error("waitForEvent needs an event name");
    if (expression) compileExpression(expression);
    expiresAt = resolveDeadline(op.opts?.timeout, ctx.now ?? new Date());
  } catch (err) {
    return rejectStep(ctx, op, (err as Error).message);
  }
  const { count } = await ctx.tx.executorWait.createMany({
    data: [{ runId: ctx.run.id, stepId: op.id, eventName: eventName!, expression, expiresAt }],
    skipDuplicates: true,
  });
  if (count) {
    await ctx.tx.executorJob.createMany({
      data: [
        {
          kind: "WAIT_TIMEOUT",
          runId: ctx.run.id,
          stepId: op.id,
          runAt: expiresAt,
          dedupeKey: `wait:${ctx.run.id}:${op.id}`,
        },
      ],
      skipDuplicates: true,
    });
  }
  return false;
}

async function planInvoke(ctx: OutcomeContext, op: Op): Promise<boolean> {
  const { tx, run } = ctx;
  const functionId = typeof op.opts?.function_id === "string" ? op.opts.function_id : "";
  const payload = (op.opts?.payload ?? {}) as { data?: unknown; v?: unknown };
  const existing = await tx.executorRun.findFirst({
    where: { parentRunId: run.id, parentStepId: op.id },
    select: { id: true },
  });
  if (existing) return false;
  const fn = functionId ? await tx.executorFunction.findFirst({ where: { id: functionId, removedAt: null } }) : null;
  if (!fn) return rejectStep(ctx, op, `Cannot invoke "${functionId}": no such function is synced`);
  let timeoutAt: Date | null = null;
  if (op.opts?.timeout) {
    try {
      timeoutAt = resolveDeadline(op.opts.timeout, ctx.now ?? new Date());
    } catch (err) {
      return rejectStep(ctx, op, (err as Error).message);
    }
  }
  const data = payload.data && typeof payload.data === "object" ? (payload.data as Record<string, unknown>) : {};
  const event = internalEvent("inngest/function.invoked", data);
  if (typeof payload.v === "string") event.v = payload.v;
  await createRun(tx, fn, event, { runId: run.id, stepId: op.id });
  if (timeoutAt) {
    await tx.executorJob.createMany({
      data: [
        {
          kind: "INVOKE_TIMEOUT",
          runId: run.id,
          stepId: op.id,
          runAt: timeoutAt,
          dedupeKey: `invoke:${run.id}:${op.id}`,
          payload: json({ functionId }) as object,
        },
      ],
      skipDuplicates: true,
    });
  }
  return false;
}
