import { positiveIntEnv } from "@/lib/env/positive-int-env";

/**
 * Scheduled scans queued per monitor tick (every 15 minutes): at most `perOrganization` assets of one
 * organisation and `global` in all. What is left stays due and is picked first at the next tick.
 * Override with MONITOR_CAP_PER_ORG / MONITOR_CAP_GLOBAL.
 */
export const MONITOR_CAPS = {
  perOrganization: positiveIntEnv("MONITOR_CAP_PER_ORG", 25),
  global: positiveIntEnv("MONITOR_CAP_GLOBAL", 500),
};
