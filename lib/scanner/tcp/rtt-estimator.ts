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
export class RttEstimator {
  private srtt: number | null = null;
  private rttvar = 0;
  private samples = 0;

  constructor(private readonly timing: RttTiming) {}

  sample(rttMs: number): void {
    const r = Math.max(0, rttMs);
    this.samples++;
    if (this.srtt === null) {
      this.srtt = r;
      this.rttvar = r / 2;
      return;
    }
    this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
    this.srtt = 0.875 * this.srtt + 0.125 * r;
  }

  get sampleCount(): number {
    return this.samples;
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
