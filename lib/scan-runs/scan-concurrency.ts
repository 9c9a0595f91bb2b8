import { positiveIntEnv } from "@/lib/env/positive-int-env";

/**
 * Host scans in flight at once. Per organisation, so one customer's large estate queues behind its
 * own limit instead of starving the others; globally, so the scanner host's sockets and CPU hold.
 * Override with SCAN_CONCURRENCY_PER_ORG / SCAN_CONCURRENCY_GLOBAL (read when the functions are synced).
 */
export const SCAN_CONCURRENCY = {
  perOrganization: positiveIntEnv("SCAN_CONCURRENCY_PER_ORG", 2),
  global: positiveIntEnv("SCAN_CONCURRENCY_GLOBAL", 8),
};
