export interface CongestionLimits {
  initial: number;
  /** Read on every use, so an owner may lower it while the scan runs (see parallel-scan.ts). */
  readonly max: number;
}

/**
 * How many probes one host may have outstanding, TCP-style: slow start (+1 per completed probe, i.e.
 * doubling per round trip) until the first loss, then additive increase (+1 per window); halve on loss,
 * at most once per round-trip timeout so one burst of losses counts as one congestion event.
 *
 * A silent (timed-out) probe is not loss: filtering firewalls drop probes on purpose and punishing that
 * is what makes nmap crawl over filtered hosts. Loss is evidenced instead by a retransmission that gets
 * answered, or by the local stack running out of sockets/ports.
 */
export class CongestionWindow {
  private window: number;
  private threshold: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private losses = 0;

  constructor(private readonly limits: CongestionLimits) {
    this.window = Math.max(1, Math.min(limits.initial, limits.max));
    this.threshold = limits.max;
  }

  /** Whole probes allowed in flight now. */
  get size(): number {
    return Math.max(1, Math.floor(Math.min(this.window, this.limits.max)));
  }

  get slowStartThreshold(): number {
    return this.threshold;
  }

  get lossEvents(): number {
    return this.losses;
  }

  /** A probe completed (answered, or silent without evidence of loss). */
  onProbeCompleted(): void {
    const increment = this.window < this.threshold ? 1 : 1 / this.window;
    this.window = Math.min(this.limits.max, this.window + increment);
  }

  /** Evidence of loss. Returns whether the window was reduced (false inside the hold-down period). */
  onLoss(nowMs: number, holdDownMs: number): boolean {
    if (nowMs - this.lastDecreaseAt < holdDownMs) return false;
    this.lastDecreaseAt = nowMs;
    this.losses++;
    this.threshold = Math.max(2, Math.floor(this.window / 2));
    this.window = this.threshold;
    return true;
  }
}
