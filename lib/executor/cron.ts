import { Cron } from "croner";

/**
 * Cron triggers: standard 5-field expressions (or @hourly-style nicknames), optionally prefixed with
 * "TZ=<IANA zone> " or "CRON_TZ=<IANA zone> " as Inngest accepts. Without a zone, UTC.
 */
export interface CronSchedule {
  expression: string;
  timezone: string;
  next(after: Date): Date;
}

export function parseCron(spec: string): CronSchedule {
  const trimmed = spec.trim();
  const tzMatch = /^(?:CRON_TZ|TZ)=(\S+)\s+(.+)$/.exec(trimmed);
  const timezone = tzMatch ? tzMatch[1]! : "UTC";
  const expression = (tzMatch ? tzMatch[2]! : trimmed).trim();
  if (!expression.startsWith("@") && expression.split(/\s+/).length !== 5) {
    throw new Error(`Invalid cron "${spec}": expected 5 fields (minute hour day-of-month month day-of-week)`);
  }
  try {
    Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new Error(`Invalid cron "${spec}": unknown time zone "${timezone}"`);
  }
  let cron: Cron;
  try {
    cron = new Cron(expression, { timezone, paused: true, mode: expression.startsWith("@") ? "auto" : "5-part" });
  } catch (err) {
    throw new Error(`Invalid cron "${spec}": ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    expression,
    timezone,
    next(after: Date): Date {
      const at = cron.nextRun(after);
      if (!at) throw new Error(`Cron "${spec}" has no future occurrence`);
      return at;
    },
  };
}
