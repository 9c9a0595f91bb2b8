import os from "node:os";
import { socketBudget } from "./tcp/fd-limit";
import { InFlightBudget } from "./tcp/inflight-budget";
import { RateLimiter } from "./tcp/rate-limiter";

/** What all hosts of one scan share: the socket budget, the packet-rate cap and the idle cores. */
export interface ScanResources {
  budget: InFlightBudget;
  rateLimiter: RateLimiter | null;
  /** Cores beyond this thread's, taken by hosts whose scan runs worker threads (see tcp/thread-choice.ts). */
  spareCores: InFlightBudget;
}

export function createScanResources(options: { maxInFlight?: number; packetsPerSecond?: number }): ScanResources {
  const fdBudget = socketBudget();
  if (options.maxInFlight !== undefined && !(Number.isInteger(options.maxInFlight) && options.maxInFlight > 0)) {
    throw new RangeError(`maxInFlight must be a positive integer, got ${String(options.maxInFlight)}`);
  }
  if (options.packetsPerSecond !== undefined && !(options.packetsPerSecond > 0)) {
    throw new RangeError(`packetsPerSecond must be positive, got ${String(options.packetsPerSecond)}`);
  }
  const capacity = Math.min(fdBudget, options.maxInFlight ?? fdBudget);
  return {
    budget: new InFlightBudget(capacity),
    rateLimiter: options.packetsPerSecond ? new RateLimiter(options.packetsPerSecond) : null,
    spareCores: new InFlightBudget(Math.max(0, os.availableParallelism() - 1)),
  };
}
