import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** Shared database helpers of the executor. Every state change of a run happens under lockRun(). */
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export const DISCOVERY = "step";

/** JSON for a Prisma Json column; a JSON null is stored as JSON null, not SQL NULL. */
export function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === null || value === undefined) return Prisma.JsonNull;
  return value as Prisma.InputJsonValue;
}

/** Serialises state changes of one run across concurrent handlers and processes. */
export async function lockRun(tx: Tx, runId: string) {
  await tx.$queryRaw`SELECT 1 FROM "ExecutorRun" WHERE "id" = ${runId} FOR UPDATE`;
  return tx.executorRun.findUnique({ where: { id: runId } });
}

export function discoveryKey(runId: string): string {
  return `discover:${runId}`;
}

export function stepKey(runId: string, stepId: string): string {
  return `step:${runId}:${stepId}`;
}

/** Queues a call that lets the SDK discover what comes next (at most one pending per run). */
export async function enqueueDiscovery(tx: Tx, runId: string, runAt: Date = new Date()): Promise<void> {
  await tx.executorJob.createMany({
    data: [{ kind: "CALL", runId, stepId: DISCOVERY, runAt, dedupeKey: discoveryKey(runId) }],
    skipDuplicates: true,
  });
}

/** Stores a step result once; returns false when the step already had one. */
export async function memoizeStep(
  tx: Tx,
  runId: string,
  stepId: string,
  result: { data: unknown } | { error: unknown },
): Promise<boolean> {
  const { count } = await tx.executorStepResult.createMany({
    data: [{ runId, stepId, result: json(result) as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  return count > 0;
}

/** Stores a step result and, if it is new, asks the SDK what comes next. */
export async function resolveStep(
  tx: Tx,
  runId: string,
  stepId: string,
  result: { data: unknown } | { error: unknown },
): Promise<boolean> {
  const stored = await memoizeStep(tx, runId, stepId, result);
  if (stored) await enqueueDiscovery(tx, runId);
  return stored;
}

/** Memoized steps in completion order, as the call request's `steps` and `ctx.stack`. */
export async function loadSteps(
  db: Db | Tx,
  runId: string,
): Promise<{ steps: Record<string, unknown>; stack: string[] }> {
  const rows = await db.executorStepResult.findMany({ where: { runId }, orderBy: { seq: "asc" } });
  const steps: Record<string, unknown> = {};
  for (const row of rows) steps[row.stepId] = row.result;
  return { steps, stack: rows.map((r) => r.stepId) };
}
