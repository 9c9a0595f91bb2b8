/**
 * Structured, quiet logging for the executor: one JSON line per record on stderr, info and above by
 * default. PORTWATCH_EXECUTOR_LOG=debug|info|warn|error|silent changes the threshold.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFields = Record<string, unknown>;

export interface ExecutorLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function parseLogLevel(value: string | undefined, fallback: LogLevel = "info"): LogLevel {
  const v = value?.trim().toLowerCase();
  return v && v in RANK ? (v as LogLevel) : fallback;
}

function errorFields(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(level: LogLevel = parseLogLevel(process.env.PORTWATCH_EXECUTOR_LOG)): ExecutorLogger {
  const write = (lvl: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields) => {
    if (RANK[lvl] < RANK[level]) return;
    const record: LogFields = { time: new Date().toISOString(), level: lvl, component: "executor", msg };
    for (const [k, v] of Object.entries(fields ?? {})) record[k] = errorFields(v);
    process.stderr.write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}
