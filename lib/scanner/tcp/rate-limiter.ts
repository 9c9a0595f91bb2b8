/** Token bucket for an optional packets-per-second cap shared by all hosts; bursts up to 1/20 s worth. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly burst: number;

  constructor(
    readonly packetsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(packetsPerSecond > 0)) throw new Error("packets per second must be positive");
    this.burst = Math.max(1, packetsPerSecond / 20);
    this.tokens = this.burst;
    this.last = this.now();
  }

  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token. */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.packetsPerSecond;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.packetsPerSecond) / 1000);
    this.last = now;
  }
}
