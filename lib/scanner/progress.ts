import type { ScanProgress } from "./types";

/** Accumulates progress and reports it at most every `intervalMs`, plus on demand. */
export class ProgressTracker {
  readonly state: ScanProgress = { hostsDone: 0, hostsTotal: 0, portsScanned: 0, portsTotal: 0, openFound: 0 };
  private lastReport = 0;

  constructor(
    private readonly report?: (progress: ScanProgress) => void,
    private readonly intervalMs = 200,
  ) {}

  /** Hot path: one call per port. */
  portDone(open: boolean): void {
    this.state.portsScanned++;
    if (open) this.state.openFound++;
    this.maybeReport(false);
  }

  update(change: Partial<ScanProgress>, force = false): void {
    for (const key of Object.keys(change) as (keyof ScanProgress)[]) this.state[key] += change[key] ?? 0;
    this.maybeReport(force);
  }

  private maybeReport(force: boolean): void {
    if (!this.report) return;
    const now = performance.now();
    if (force || now - this.lastReport >= this.intervalMs) {
      this.lastReport = now;
      this.report({ ...this.state });
    }
  }
}
