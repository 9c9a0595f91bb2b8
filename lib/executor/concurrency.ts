import type { ConcurrencyLimit } from "./function-config";

/**
 * Counts calls in flight per concurrency group (function-level `concurrency`, optionally keyed) and
 * overall. Sleeping or waiting runs hold no slot, as in Inngest: the limit is on executing steps.
 */
export class ConcurrencyLimiter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(private readonly maxInFlight: number) {}

  get inFlight(): number {
    return this.total;
  }

  get full(): boolean {
    return this.total >= this.maxInFlight;
  }

  canStart(limits: ConcurrencyLimit[]): boolean {
    if (this.full) return false;
    return limits.every((l) => (this.counts.get(l.key) ?? 0) < l.limit);
  }

  acquire(limits: ConcurrencyLimit[]): void {
    this.total++;
    for (const l of limits) this.counts.set(l.key, (this.counts.get(l.key) ?? 0) + 1);
  }

  release(limits: ConcurrencyLimit[]): void {
    this.total = Math.max(0, this.total - 1);
    for (const l of limits) {
      const n = (this.counts.get(l.key) ?? 1) - 1;
      if (n > 0) this.counts.set(l.key, n);
      else this.counts.delete(l.key);
    }
  }
}
