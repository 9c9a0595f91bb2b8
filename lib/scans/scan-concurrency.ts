/**
 * Host scans in flight at once. Per organisation, so one customer's large estate queues behind its
 * own limit instead of starving the others; globally, so the scanner host's sockets and CPU hold.
 * Override with SCAN_CONCURRENCY_PER_ORG / SCAN_CONCURRENCY_GLOBAL (read when the functions are synced).
 */
export const SCAN_CONCURRENCY = {
  perOrganization: positiveInt("SCAN_CONCURRENCY_PER_ORG", 2),
  global: positiveInt("SCAN_CONCURRENCY_GLOBAL", 8),
};

function positiveInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
}
