export interface RttTiming {
  /** Timeout before the first answer, ms. */
  initialTimeoutMs: number;
  /** Floor and ceiling of the adaptive timeout, ms. */
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

/**
 * Per-host round-trip estimate (RFC 6298 smoothing, as nmap does): timeout = smoothed RTT + 4 × RTT
 * variance, clamped to [minTimeoutMs, maxTimeoutMs]. Samples include event-loop delay, which is what we
 * want: a busy loop answers late, so the timeout must stretch rather than declare live ports filtered.
 */
/**
 * Queueing beyond twice the fastest round trip that is still taken for jitter. Small, because on
 * loopback and fast LANs the queue is our own event loop: at 5 ms a full loopback scan grew its window
 * to ~1,300 probes for no extra rate, and spent about 10% more CPU (more sockets, fewer reused) than at
 * 1 ms (~400). Over the internet twice the round trip dominates; silent probes grow the window anyway.
 */
const QUEUEING_SLACK_MS = 1;

export class RttEstimator {
  private srtt: number | null = null;
  private rttvar = 0;
  private samples = 0;
  private minRtt = Number.POSITIVE_INFINITY;

  constructor(private readonly timing: RttTiming) {}

  sample(rttMs: number): void {
    const r = Math.max(0, rttMs);
    this.samples++;
    this.minRtt = Math.min(this.minRtt, r);
    if (this.srtt === null) {
      this.srtt = r;
      this.rttvar = r / 2;
      return;
    }
    this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
    this.srtt = 0.875 * this.srtt + 0.125 * r;
  }

  /**
   * True when answers take clearly longer than the fastest one seen: probes are queueing (in our own
   * event loop, the kernel or the path), so a larger window would add delay rather than throughput.
   * The delay-based signal of TCP Vegas / LEDBAT, with a little slack for ordinary jitter.
   */
  get queueing(): boolean {
    return this.srtt !== null && this.srtt > 2 * this.minRtt + QUEUEING_SLACK_MS;
  }

  get sampleCount(): number {
    return this.samples;
  }

  /** The fastest answer so far: the path's own round trip, without queueing. */
  get minRttMs(): number | null {
    return this.samples > 0 ? this.minRtt : null;
  }

  get smoothedRttMs(): number | null {
    return this.srtt;
  }

  get timeoutMs(): number {
    const { initialTimeoutMs, minTimeoutMs, maxTimeoutMs } = this.timing;
    const raw = this.srtt === null ? initialTimeoutMs : this.srtt + 4 * this.rttvar;
    return Math.min(maxTimeoutMs, Math.max(minTimeoutMs, raw));
  }
}
