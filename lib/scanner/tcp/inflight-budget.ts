/**
 * A counting semaphore shared by all hosts of a scan: the global cap on sockets in flight.
 * Synchronous by design; each probe launch is on the hot path.
 */
export class InFlightBudget {
  private used = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  tryAcquire(): boolean {
    if (this.used >= this.capacity) return false;
    this.used++;
    return true;
  }

  /** Takes as many of `count` slots as are free now; returns how many it took. */
  tryAcquireUpTo(count: number): number {
    const taken = Math.max(0, Math.min(count, this.capacity - this.used));
    this.used += taken;
    return taken;
  }

  releaseMany(count: number): void {
    for (let i = 0; i < count; i++) this.release();
  }

  release(): void {
    this.used--;
    const waiter = this.waiters.shift();
    if (waiter) waiter();
  }

  /** Calls `wake` once after the next release. */
  waitForRelease(wake: () => void): void {
    this.waiters.push(wake);
  }

  cancelWait(wake: () => void): void {
    const index = this.waiters.indexOf(wake);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
