/**
 * Scheduled scans queued per monitor tick (every 15 minutes): at most `perOrganization` assets of one
 * organisation and `global` in all. What is left stays due and is picked first at the next tick.
 * Override with MONITOR_CAP_PER_ORG / MONITOR_CAP_GLOBAL.
 */
export const MONITOR_CAPS = {
  perOrganization: positiveInt("MONITOR_CAP_PER_ORG", 25),
  global: positiveInt("MONITOR_CAP_GLOBAL", 500),
};

function positiveInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
}
