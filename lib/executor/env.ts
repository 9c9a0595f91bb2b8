import { generateEventKey, generateSigningKey } from "./signing";

/**
 * Deciding, from the environment, whether the app runs its Inngest functions on the local executor,
 * and pointing the app's Inngest SDK at it (docs/executor.md).
 *
 * PORTWATCH_EXECUTOR=off   never start it
 * PORTWATCH_EXECUTOR=on    always start it (overrides INNGEST_BASE_URL / INNGEST_EVENT_KEY)
 * unset / auto             start it unless an external Inngest is configured: INNGEST_DEV,
 *                          INNGEST_BASE_URL, INNGEST_API_BASE_URL, INNGEST_EVENT_API_BASE_URL or
 *                          INNGEST_EVENT_KEY set.
 */
export type Env = Record<string, string | undefined>;

const EXTERNAL_MARKERS = [
  "INNGEST_DEV",
  "INNGEST_BASE_URL",
  "INNGEST_API_BASE_URL",
  "INNGEST_EVENT_API_BASE_URL",
  "INNGEST_EVENT_KEY",
];

export type ExecutorDecision = { start: true } | { start: false; reason: string };

export function decideLocalExecutor(env: Env): ExecutorDecision {
  const mode = (env.PORTWATCH_EXECUTOR ?? "auto").trim().toLowerCase();
  if (mode === "off") return { start: false, reason: "PORTWATCH_EXECUTOR=off" };
  if (mode === "on") return { start: true };
  if (mode !== "auto" && mode !== "")
    throw new Error(`PORTWATCH_EXECUTOR must be "on", "off" or "auto", not "${env.PORTWATCH_EXECUTOR}"`);
  const external = EXTERNAL_MARKERS.filter((k) => env[k]?.trim());
  if (external.length) return { start: false, reason: `external Inngest configured (${external.join(", ")})` };
  return { start: true };
}

export interface ExecutorEnvSettings {
  host: string;
  port: number;
  maxInFlight: number;
  appUrl: string;
  signingKey: string;
  eventKey: string;
}

function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (!value?.trim()) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number (0-65535), not "${value}"`);
  return n;
}

/** Settings of an executor inside the app process; keys are generated when the environment has none. */
export function executorSettings(env: Env): ExecutorEnvSettings {
  const host = env.PORTWATCH_EXECUTOR_HOST?.trim() || "127.0.0.1";
  const port = parsePort(env.PORTWATCH_EXECUTOR_PORT, "PORTWATCH_EXECUTOR_PORT", 8288);
  const appPort = parsePort(env.PORT, "PORT", 3000);
  const maxInFlight = Number(env.PORTWATCH_EXECUTOR_MAX_IN_FLIGHT?.trim() || 32);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1 || maxInFlight > 1000) {
    throw new Error(
      `PORTWATCH_EXECUTOR_MAX_IN_FLIGHT must be an integer from 1 to 1000, not "${env.PORTWATCH_EXECUTOR_MAX_IN_FLIGHT}"`,
    );
  }
  const appUrl = env.PORTWATCH_APP_URL?.trim() || `http://127.0.0.1:${appPort}/api/inngest`;
  return {
    host,
    port,
    maxInFlight,
    appUrl,
    signingKey: env.INNGEST_SIGNING_KEY?.trim() || generateSigningKey(),
    eventKey: env.INNGEST_EVENT_KEY?.trim() || generateEventKey(),
  };
}

/**
 * Points the SDK of this process at the executor: cloud mode (INNGEST_DEV unset, so request
 * signatures are verified), the executor as API and event origin, and the shared keys.
 */
export function pointSdkAtExecutor(env: Env, executorUrl: string, settings: ExecutorEnvSettings): void {
  delete env.INNGEST_DEV;
  env.INNGEST_BASE_URL = executorUrl;
  delete env.INNGEST_API_BASE_URL;
  delete env.INNGEST_EVENT_API_BASE_URL;
  env.INNGEST_SIGNING_KEY = settings.signingKey;
  env.INNGEST_EVENT_KEY = settings.eventKey;
}
