import { parseCron } from "./cron";
import { resolveDeadline } from "./duration";
import { compileExpression } from "./expressions";
import { callUrl, functionConfigSchema, unsupportedOptions, type FunctionConfig } from "./function-config";
import type { ExecutorLogger } from "./log";
import { json, type Db } from "./store";

/**
 * Stores the functions an app reported when syncing, retires the ones it no longer lists and keeps
 * exactly one queue item per cron schedule.
 */
export interface RegisterResult {
  functions: number;
  modified: boolean;
  skipped: string[];
}

function validate(raw: unknown): FunctionConfig | string {
  const parsed = functionConfigSchema.safeParse(raw);
  const id = (raw as { id?: unknown })?.id;
  if (!parsed.success)
    return `${String(id ?? "?")}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
  const config = parsed.data;
  try {
    for (const t of config.triggers) {
      if ("cron" in t) parseCron(t.cron);
      else if (t.expression) compileExpression(t.expression);
    }
    for (const c of config.cancel ?? []) if (c.if) compileExpression(c.if);
    if (config.timeouts?.finish) resolveDeadline(config.timeouts.finish, new Date());
    callUrl(config);
  } catch (err) {
    return `${config.id}: ${(err as Error).message}`;
  }
  return config;
}

export async function registerFunctions(
  db: Db,
  appId: string,
  rawFunctions: unknown[],
  log: ExecutorLogger,
): Promise<RegisterResult> {
  const configs: FunctionConfig[] = [];
  const skipped: string[] = [];
  for (const raw of rawFunctions) {
    const result = validate(raw);
    if (typeof result === "string") skipped.push(result);
    else configs.push(result);
  }
  for (const problem of skipped) log.error("function not registered", { appId, problem });

  const now = new Date();
  let modified = false;
  const changed: FunctionConfig[] = [];
  await db.$transaction(async (tx) => {
    const before = await tx.executorFunction.findMany({ where: { appId } });
    const previous = new Map(before.map((f) => [f.id, f]));
    for (const config of configs) {
      const old = previous.get(config.id);
      if (!old || old.removedAt || JSON.stringify(old.config) !== JSON.stringify(config)) {
        modified = true;
        changed.push(config);
      }
      const data = {
        appId,
        name: config.name ?? null,
        url: callUrl(config),
        config: json(config) as object,
        syncedAt: now,
        removedAt: null,
      };
      await tx.executorFunction.upsert({ where: { id: config.id }, create: { id: config.id, ...data }, update: data });
    }
    const kept = new Set(configs.map((c) => c.id));
    const retired = before.filter((f) => !kept.has(f.id) && !f.removedAt).map((f) => f.id);
    if (retired.length) {
      modified = true;
      await tx.executorFunction.updateMany({ where: { id: { in: retired } }, data: { removedAt: now } });
    }

    // One CRON job per (function, schedule); schedules that disappeared lose theirs.
    const wanted = new Map<string, { functionId: string; cron: string }>();
    for (const config of configs) {
      for (const t of config.triggers)
        if ("cron" in t) wanted.set(`cron:${config.id}:${t.cron}`, { functionId: config.id, cron: t.cron });
    }
    const appFunctionIds = new Set(before.map((f) => f.id).concat(configs.map((c) => c.id)));
    const cronJobs = await tx.executorJob.findMany({
      where: { kind: "CRON" },
      select: { id: true, dedupeKey: true, payload: true },
    });
    const stale = cronJobs.filter((j) => {
      const fnId = (j.payload as { functionId?: string } | null)?.functionId ?? "";
      return appFunctionIds.has(fnId) && !wanted.has(j.dedupeKey ?? "");
    });
    if (stale.length) await tx.executorJob.deleteMany({ where: { id: { in: stale.map((j) => j.id) } } });
    if (wanted.size) {
      await tx.executorJob.createMany({
        data: [...wanted].map(([key, p]) => ({
          kind: "CRON" as const,
          stepId: "cron",
          runAt: parseCron(p.cron).next(now),
          dedupeKey: key,
          payload: json(p) as object,
        })),
        skipDuplicates: true,
      });
    }
  });
  for (const config of changed) {
    const ignored = unsupportedOptions(config);
    if (ignored.length)
      log.warn("function options ignored by the local executor", { functionId: config.id, options: ignored });
  }
  return { functions: configs.length, modified, skipped };
}
