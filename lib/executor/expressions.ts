import { parse, type ParseResult } from "@marcbachmann/cel-js";

/**
 * Inngest expressions are CEL (Common Expression Language): trigger `if`, waitForEvent `if`/`match`,
 * cancelOn `if`/`match` and concurrency `key`. `event` is the run's triggering event, `async` the
 * incoming event being matched.
 */
export type ExpressionVars = { event?: unknown; async?: unknown };

const MAX_LENGTH = 4096;
const cache = new Map<string, ParseResult>();

/** Parses (and caches) an expression; throws a clear error for invalid ones. */
export function compileExpression(source: string): ParseResult {
  let compiled = cache.get(source);
  if (compiled) return compiled;
  if (source.length > MAX_LENGTH) throw new Error(`Expression longer than ${MAX_LENGTH} characters`);
  try {
    compiled = parse(source);
  } catch (err) {
    throw new Error(
      `Invalid expression "${source}": ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
    );
  }
  if (cache.size > 1000) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

function evaluate(source: string, vars: ExpressionVars): unknown {
  return compileExpression(source)({ event: vars.event ?? {}, async: vars.async ?? {} });
}

/**
 * True only when the expression evaluates to `true`. Missing keys, type errors and invalid syntax
 * mean "no match" (a wait or cancellation must not fire on a malformed event).
 */
export function expressionMatches(source: string | null | undefined, vars: ExpressionVars): boolean {
  if (!source || !source.trim()) return true;
  try {
    return evaluate(source, vars) === true;
  } catch {
    return false;
  }
}

/** The value of a key expression as a string (concurrency keys); null when it cannot be evaluated. */
export function evaluateKey(source: string, vars: ExpressionVars): string | null {
  try {
    const value = evaluate(source, vars);
    if (value === null || value === undefined) return null;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  } catch {
    return null;
  }
}
