import type { ExecutorFunction } from "@/lib/generated/prisma/client";
import { expressionMatches } from "./expressions";
import { functionConfigSchema, type FunctionConfig } from "./function-config";
import { parseTimeString } from "./duration";
import type { ExecutorLogger } from "./log";
import { createRun, finishRun, type InngestEvent } from "./runs";
import { lockRun, resolveStep, type Db, type Tx } from "./store";

/**
 * Fans received events out: starts the runs they trigger, resumes the waitForEvent steps they match
 * and cancels the runs whose cancelOn they match. Each event is handled in one transaction and
 * marked processed in it, so a restart neither loses nor repeats the effects.
 */
const BATCH = 50;

interface LoadedFunction {
  row: ExecutorFunction;
  config: FunctionConfig;
}

/** Event names match exactly, or by prefix for triggers ending in "*" (e.g. "scan/*"). */
export function eventNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

async function activeFunctions(db: Db): Promise<LoadedFunction[]> {
  const rows = await db.executorFunction.findMany({ where: { removedAt: null } });
  return rows.flatMap((row) => {
    const parsed = functionConfigSchema.safeParse(row.config);
    return parsed.success ? [{ row, config: parsed.data }] : [];
  });
}

/** Processes pending events; returns how many it handled. */
export async function dispatchPendingEvents(db: Db, log: ExecutorLogger): Promise<number> {
  const events = await db.executorEvent.findMany({
    where: { processedAt: null },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  if (!events.length) return 0;
  const functions = await activeFunctions(db);
  for (const ev of events) {
    try {
      await db.$transaction(async (tx) => {
        const claimed = await tx.executorEvent.updateMany({
          where: { id: ev.id, processedAt: null },
          data: { processedAt: new Date() },
        });
        if (!claimed.count) return;
        const event = ev.payload as unknown as InngestEvent;
        await startTriggeredRuns(tx, functions, event, log);
        await resumeWaits(tx, event, ev.receivedAt);
        await applyCancellations(tx, functions, event, ev.receivedAt, log);
      });
    } catch (err) {
      log.error("event dispatch failed", { eventId: ev.id, event: ev.name, err });
    }
  }
  return events.length;
}

async function startTriggeredRuns(tx: Tx, functions: LoadedFunction[], event: InngestEvent, log: ExecutorLogger) {
  for (const fn of functions) {
    const trigger = fn.config.triggers.find(
      (t) => "event" in t && eventNameMatches(t.event, event.name) && expressionMatches(t.expression, { event }),
    );
    if (!trigger) continue;
    const runId = await createRun(tx, fn.row, event);
    log.debug("run started", { runId, functionId: fn.row.id, event: event.name });
  }
}

async function resumeWaits(tx: Tx, event: InngestEvent, receivedAt: Date) {
  const waits = await tx.executorWait.findMany({
    where: { eventName: event.name, createdAt: { lte: receivedAt }, expiresAt: { gte: receivedAt } },
    include: { run: { select: { event: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const wait of waits) {
    if (!expressionMatches(wait.expression, { event: wait.run.event, async: event })) continue;
    const run = await lockRun(tx, wait.runId);
    if (run?.status !== "RUNNING") continue;
    const removed = await tx.executorWait.deleteMany({ where: { id: wait.id } });
    if (!removed.count) continue;
    await tx.executorJob.deleteMany({ where: { dedupeKey: `wait:${wait.runId}:${wait.stepId}` } });
    await resolveStep(tx, wait.runId, wait.stepId, { data: event });
  }
}

async function applyCancellations(
  tx: Tx,
  functions: LoadedFunction[],
  event: InngestEvent,
  receivedAt: Date,
  log: ExecutorLogger,
) {
  for (const fn of functions) {
    const rules = (fn.config.cancel ?? []).filter((c) => eventNameMatches(c.event, event.name));
    if (!rules.length) continue;
    const runs = await tx.executorRun.findMany({
      where: { functionId: fn.row.id, status: "RUNNING", createdAt: { lte: receivedAt } },
      select: { id: true, event: true, createdAt: true },
    });
    for (const candidate of runs) {
      const hit = rules.some((rule) => {
        if (rule.timeout) {
          try {
            if (candidate.createdAt.getTime() + parseTimeString(rule.timeout) < receivedAt.getTime()) return false;
          } catch {
            // An unreadable timeout means "no timeout", as when none is given.
          }
        }
        return expressionMatches(rule.if, { event: candidate.event, async: event });
      });
      if (!hit) continue;
      const run = await lockRun(tx, candidate.id);
      if (run?.status !== "RUNNING") continue;
      await finishRun(tx, run, { status: "CANCELLED" });
      log.info("run cancelled", { runId: run.id, functionId: fn.row.id, event: event.name });
    }
  }
}
