import { z } from "zod";

/**
 * The subset of a synced function's configuration (SDK_SPEC §4.3.2) the executor acts on. Unknown
 * fields pass through untouched; options it does not implement are reported once at sync.
 */
const triggerSchema = z.union([
  z.object({ event: z.string().min(1), expression: z.string().nullish() }),
  z.object({ cron: z.string().min(1) }),
]);

const concurrencyItemSchema = z.object({
  limit: z.number().int().min(0),
  key: z.string().nullish(),
  scope: z.enum(["fn", "env", "account"]).nullish(),
});

export const functionConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().nullish(),
    triggers: z.array(triggerSchema).default([]),
    steps: z.record(
      z.string(),
      z
        .object({
          runtime: z.object({ url: z.string().url() }).passthrough(),
          retries: z.object({ attempts: z.number().int().min(0).max(20).nullish() }).nullish(),
        })
        .passthrough(),
    ),
    concurrency: z.union([z.number().int().min(0), concurrencyItemSchema, z.array(concurrencyItemSchema)]).nullish(),
    timeouts: z.object({ start: z.string().nullish(), finish: z.string().nullish() }).nullish(),
    cancel: z
      .array(z.object({ event: z.string().min(1), if: z.string().nullish(), timeout: z.string().nullish() }))
      .nullish(),
  })
  .passthrough();

export type FunctionConfig = z.infer<typeof functionConfigSchema>;

/** Options Inngest supports that this executor ignores; used to warn at sync. */
export const UNSUPPORTED_OPTIONS = [
  "batchEvents",
  "rateLimit",
  "throttle",
  "debounce",
  "idempotency",
  "priority",
  "singleton",
] as const;

export function unsupportedOptions(config: FunctionConfig): string[] {
  const ignored: string[] = UNSUPPORTED_OPTIONS.filter((k) => (config as Record<string, unknown>)[k] != null);
  if (config.timeouts?.start) ignored.push("timeouts.start");
  return ignored;
}

export const DEFAULT_RETRIES = 3;

/** Total attempts of each step: `retries.attempts` counts retries, as in Inngest. */
export function maxAttempts(config: FunctionConfig): number {
  const step = Object.values(config.steps)[0];
  return (step?.retries?.attempts ?? DEFAULT_RETRIES) + 1;
}

export function callUrl(config: FunctionConfig): string {
  const step = Object.values(config.steps)[0];
  if (!step) throw new Error(`Function ${config.id} has no step runtime`);
  return step.runtime.url;
}

export interface ConcurrencyLimit {
  key: string;
  limit: number;
}

export function concurrencyItems(config: FunctionConfig): z.infer<typeof concurrencyItemSchema>[] {
  const c = config.concurrency;
  if (c == null) return [];
  if (typeof c === "number") return [{ limit: c }];
  return Array.isArray(c) ? c : [c];
}
