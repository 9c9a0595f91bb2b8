import type { ExecutorFunction, ExecutorRun } from "@/lib/generated/prisma/client";
import { resolveDeadline } from "./duration";
import { evaluateKey } from "./expressions";
import { concurrencyItems, functionConfigSchema, maxAttempts, type ConcurrencyLimit } from "./function-config";
import { ulid } from "./ids";
import { enqueueDiscovery, json, lockRun, resolveStep, type Tx } from "./store";

/** Starting, finishing and cancelling runs. Callers hold a transaction; finishing also holds lockRun(). */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export function internalEvent(name: string, data: Record<string, unknown>): InngestEvent {
  const now = Date.now();
  return { id: ulid(now), name, data, ts: now };
}

/** Concurrency groups of a run: the function's own limit(s), keyed by the evaluated `key` expression. */
export function concurrencyFor(fn: ExecutorFunction, event: InngestEvent): ConcurrencyLimit[] {
  const config = functionConfigSchema.parse(fn.config);
  const limits: ConcurrencyLimit[] = [];
  for (const item of concurrencyItems(config)) {
    if (item.limit <= 0) continue;
    const value = item.key ? (evaluateKey(item.key, { event }) ?? "") : null;
    const scope = item.scope ?? "fn";
    const base = scope === "fn" ? `fn:${fn.id}` : `${scope}`;
    limits.push({ key: value === null ? base : `${base}:${item.key}=${value}`, limit: item.limit });
  }
  return limits;
}

export async function createRun(
  tx: Tx,
  fn: ExecutorFunction,
  event: InngestEvent,
  parent?: { runId: string; stepId: string },
): Promise<string> {
  const config = functionConfigSchema.parse(fn.config);
  const id = ulid();
  await tx.executorRun.create({
    data: {
      id,
      functionId: fn.id,
      eventId: event.id,
      event: json(event),
      concurrency: json(concurrencyFor(fn, event)),
      maxAttempts: maxAttempts(config),
      parentRunId: parent?.runId ?? null,
      parentStepId: parent?.stepId ?? null,
    },
  });
  await enqueueDiscovery(tx, id);
  if (config.timeouts?.finish) {
    await tx.executorJob.create({
      data: {
        kind: "RUN_TIMEOUT",
        runId: id,
        stepId: "timeout",
        runAt: resolveDeadline(config.timeouts.finish, new Date()),
        dedupeKey: `timeout:${id}`,
      },
    });
  }
  return id;
}

export type RunEnd =
  { status: "COMPLETED"; output: unknown } | { status: "FAILED"; error: SerializedError } | { status: "CANCELLED" };

/** Ends a locked, running run: records the outcome, drops its queue items and waits, tells listeners. */
export async function finishRun(tx: Tx, run: ExecutorRun, end: RunEnd): Promise<void> {
  await tx.executorRun.update({
    where: { id: run.id },
    data: {
      status: end.status,
      endedAt: new Date(),
      ...(end.status === "COMPLETED" ? { output: json({ data: end.output }) } : {}),
      ...(end.status === "FAILED" ? { error: json(end.error) } : {}),
    },
  });
  await tx.executorJob.deleteMany({ where: { runId: run.id } });
  await tx.executorWait.deleteMany({ where: { runId: run.id } });

  const base = { function_id: run.functionId, run_id: run.id, event: run.event };
  const events: InngestEvent[] = [];
  if (end.status === "COMPLETED")
    events.push(internalEvent("inngest/function.finished", { ...base, result: end.output ?? null }));
  if (end.status === "FAILED") {
    events.push(internalEvent("inngest/function.finished", { ...base, error: end.error }));
    events.push(internalEvent("inngest/function.failed", { ...base, error: end.error }));
  }
  if (end.status === "CANCELLED") events.push(internalEvent("inngest/function.cancelled", base));
  if (events.length) {
    await tx.executorEvent.createMany({
      data: events.map((e) => ({ id: e.id, name: e.name, payload: json(e) as object })),
    });
  }

  if (run.parentRunId && run.parentStepId) {
    const parent = await lockRun(tx, run.parentRunId);
    if (parent?.status === "RUNNING") {
      const result =
        end.status === "COMPLETED"
          ? { data: end.output ?? null }
          : {
              error:
                end.status === "FAILED" ? end.error : { name: "Error", message: `Invoked run ${run.id} was cancelled` },
            };
      await resolveStep(tx, parent.id, run.parentStepId, result);
      await tx.executorJob.deleteMany({ where: { dedupeKey: `invoke:${parent.id}:${run.parentStepId}` } });
    }
  }
}
