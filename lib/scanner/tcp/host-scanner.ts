import type { Connector, ConnectOutcome, ProbeHandle } from "./connect-outcome";
import { CongestionWindow } from "./congestion-window";
import type { InFlightBudget } from "./inflight-budget";
import { isPortFeed, PortList, type PortFeed } from "./port-feed";
import { PortStates, type TcpPortState } from "./port-states";
import type { RateLimiter } from "./rate-limiter";
import { RttEstimator } from "./rtt-estimator";
import type { TcpTiming } from "./tcp-timing";

export type { TcpPortState } from "./port-states";

export interface HostScanInput {
  ip: string;
  family: 4 | 6;
  /** In scan order (most common first), or a feed shared with other threads' scans of this host. */
  ports: readonly number[] | PortFeed;
  timing: TcpTiming;
  connector: Connector;
  budget: InFlightBudget;
  rateLimiter?: RateLimiter | null;
  /** Shared with an earlier phase (catch-all probes) so its answers already tune the timeout. */
  rtt?: RttEstimator;
  signal?: AbortSignal;
  /** A per-host window cap below timing.maxWindowPerHost that the owner may lower mid-scan (parallel-scan.ts). */
  windowCap?: { readonly max: number };
  /** Once per port, when its state is final. */
  onPortState?: (port: number, state: TcpPortState) => void;
}

export interface HostScanStats {
  probesSent: number;
  passes: number;
  lossEvents: number;
  localResourceErrors: number;
  finalTimeoutMs: number;
  smoothedRttMs: number | null;
  finalWindow: number;
  /** Threads that scanned the host (parallel-scan.ts); 1 here. */
  threads: number;
}

export interface HostScanOutput {
  states: PortStates;
  stats: HostScanStats;
}

interface Probe {
  port: number;
  sentAt: number;
  handle: ProbeHandle | null;
  done: boolean;
}

const MAX_BACKOFF_MS = 1_000;
/** Ports taken from the feed at a time: small, so threads sharing a feed finish close together. */
const FEED_BATCH = 256;

/**
 * TCP connect scan of one host. Ports go out in passes: the first over every port, then retry passes
 * over the ports that stayed silent (the kernel sends a single SYN within our sub-second timeout, so
 * retransmission is ours to do). Further retry passes only happen when the previous one got answers
 * from ports that had been silent, i.e. when probes were being lost rather than filtered.
 * Timeouts run off one timer per host; expiry runs in setImmediate so answers already waiting in the
 * poll phase are counted before their probes are declared silent.
 */
export function scanHostTcp(input: HostScanInput): Promise<HostScanOutput> {
  return new Promise((resolve, reject) => new HostScan(input, resolve, reject).start());
}

class HostScan {
  private readonly rtt: RttEstimator;
  private readonly window: CongestionWindow;
  private readonly states = new PortStates();
  private readonly everSilent = new Set<number>();
  private readonly feed: PortFeed;
  private queue: number[] = [];
  private queueIndex = 0;
  private waitingForFeed = false;
  private inflight: Probe[] = [];
  private inflightHead = 0;
  private inflightCount = 0;
  private silent: number[] = [];
  private pass = 0;
  private recoveredThisPass = 0;
  private recoveredTotal = 0;
  private answeredFirstPass = 0;
  private probesSent = 0;
  private resourceErrors = 0;
  private backoffMs = 0;
  private backoffUntil = 0;
  private expiryTimer: NodeJS.Timeout | null = null;
  private expiryScheduledFor = Infinity;
  private wakeTimer: NodeJS.Timeout | null = null;
  private waitingForBudget = false;
  private finished = false;
  private readonly wake = () => {
    this.waitingForBudget = false;
    this.pump();
  };
  private readonly feedWake = () => {
    this.waitingForFeed = false;
    this.pump();
  };
  private readonly onAbort = () => this.abort();

  constructor(
    private readonly input: HostScanInput,
    private readonly resolve: (output: HostScanOutput) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.rtt = input.rtt ?? new RttEstimator(input.timing);
    const fixedMax = Math.min(input.timing.maxWindowPerHost, input.budget.capacity);
    const cap = input.windowCap;
    this.window = new CongestionWindow({
      initial: input.timing.initialWindow,
      get max() {
        return cap ? Math.min(fixedMax, cap.max) : fixedMax;
      },
    });
    this.feed = isPortFeed(input.ports) ? input.ports : new PortList(input.ports);
  }

  start(): void {
    if (this.input.signal?.aborted) return this.fail(this.input.signal.reason);
    this.input.signal?.addEventListener("abort", this.onAbort, { once: true });
    this.pump();
  }

  private pump(): void {
    if (this.finished) return;
    const { budget, rateLimiter } = this.input;
    const now = performance.now();
    if (now < this.backoffUntil) return this.wakeAfter(this.backoffUntil - now);
    while (this.inflightCount < this.window.size && this.hasNextPort()) {
      if (rateLimiter && !rateLimiter.tryTake()) return this.wakeAfter(rateLimiter.msUntilNext());
      if (!budget.tryAcquire()) {
        if (!this.waitingForBudget) {
          this.waitingForBudget = true;
          budget.waitForRelease(this.wake);
        }
        return;
      }
      this.launch(this.queue[this.queueIndex++]!);
    }
    if (this.inflightCount === 0 && !this.hasNextPort() && (this.pass > 0 || this.feed.closed)) this.endPass();
  }

  /** Whether the queue has a port to launch, refilling it from the feed during the first pass. */
  private hasNextPort(): boolean {
    if (this.queueIndex < this.queue.length) return true;
    if (this.pass > 0 || this.feed.closed) return false;
    const batch = this.feed.take(FEED_BATCH);
    if (batch.length > 0) {
      this.queue = batch;
      this.queueIndex = 0;
      return true;
    }
    if (!this.feed.closed && !this.waitingForFeed) {
      this.waitingForFeed = true;
      this.feed.onMore(this.feedWake);
    }
    return false;
  }

  private launch(port: number): void {
    const probe: Probe = { port, sentAt: performance.now(), handle: null, done: false };
    this.inflight.push(probe);
    this.inflightCount++;
    this.probesSent++;
    probe.handle = this.input.connector.connect(this.input.ip, this.input.family, port, (outcome) =>
      this.complete(probe, outcome),
    );
    this.scheduleExpiry(probe.sentAt + this.rtt.timeoutMs);
  }

  private complete(probe: Probe, outcome: ConnectOutcome): void {
    if (probe.done || this.finished) return;
    probe.done = true;
    probe.handle = null;
    this.dropSettledHead();
    this.inflightCount--;
    this.input.budget.release();
    const now = performance.now();
    switch (outcome) {
      case "open":
      case "closed":
      case "unreachable":
        this.rtt.sample(now - probe.sentAt);
        if (!this.rtt.queueing) this.window.onProbeCompleted();
        this.backoffMs = 0;
        if (this.pass === 0) this.answeredFirstPass++;
        if (this.everSilent.has(probe.port)) {
          this.recoveredThisPass++;
          this.recoveredTotal++;
          this.window.onLoss(now, this.rtt.timeoutMs);
        }
        this.settle(probe.port, outcome === "unreachable" ? "filtered" : outcome);
        break;
      case "local-resource":
        // Our machine, not the target, ran out of something: try the port again after a pause.
        this.resourceErrors++;
        this.window.onLoss(now, 0);
        this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(10, this.backoffMs * 2));
        this.backoffUntil = now + this.backoffMs;
        this.queue.push(probe.port);
        break;
      case "silent":
        this.markSilent(probe);
        break;
    }
    this.pump();
  }

  private markSilent(probe: Probe): void {
    this.window.onProbeCompleted();
    this.everSilent.add(probe.port);
    this.silent.push(probe.port);
  }

  private settle(port: number, state: TcpPortState): void {
    this.states.set(port, state);
    this.input.onPortState?.(port, state);
  }

  private scheduleExpiry(at: number): void {
    if (this.expiryTimer && at >= this.expiryScheduledFor) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryScheduledFor = at;
    this.expiryTimer = setTimeout(
      () => {
        this.expiryTimer = null;
        this.expiryScheduledFor = Infinity;
        setImmediate(() => this.expire());
      },
      Math.max(1, at - performance.now()),
    );
  }

  private expire(): void {
    if (this.finished) return;
    const now = performance.now();
    const timeout = this.rtt.timeoutMs;
    let expired = 0;
    while (this.inflightHead < this.inflight.length) {
      const probe = this.inflight[this.inflightHead]!;
      if (!probe.done) {
        if (probe.sentAt + timeout > now) break;
        probe.done = true;
        probe.handle?.cancel();
        probe.handle = null;
        this.inflightCount--;
        this.input.budget.release();
        this.markSilent(probe);
        expired++;
      }
      this.inflightHead++;
    }
    this.dropSettledHead();
    const head = this.inflight[this.inflightHead];
    if (head) this.scheduleExpiry(head.sentAt + timeout);
    if (expired > 0) this.pump();
  }

  /**
   * Forgets the settled probes at the front of the send-order queue as soon as they settle (answers
   * mostly come back in order), not only when the expiry timer next runs: a probe then dies young,
   * instead of tens of thousands of them surviving into the garbage collector's older generation.
   */
  private dropSettledHead(): void {
    while (this.inflightHead < this.inflight.length && this.inflight[this.inflightHead]!.done) this.inflightHead++;
    if (this.inflightHead > 1024 && this.inflightHead * 2 > this.inflight.length) {
      this.inflight = this.inflight.slice(this.inflightHead);
      this.inflightHead = 0;
    }
  }

  /**
   * Another pass over every silent port is worth it when probes are likely still being lost. The loss
   * rate is estimated from the ports that answered only on a retry, relative to all answering ports;
   * the ports still hiding behind loss are then about recovered × p / (1 − p). One stray late answer
   * among thousands of filtered ports does not buy another sweep of all of them.
   */
  private expectMoreRecoveries(): boolean {
    if (this.recoveredThisPass === 0) return false;
    const responsive = this.answeredFirstPass + this.recoveredTotal;
    const lossRate = Math.min(0.9, this.recoveredTotal / responsive);
    return (this.recoveredThisPass * lossRate) / (1 - lossRate) >= 0.5;
  }

  private endPass(): void {
    const retryAllowed =
      this.silent.length > 0 &&
      this.pass < this.input.timing.maxRetries &&
      (this.pass === 0 || this.expectMoreRecoveries());
    if (retryAllowed) {
      this.pass++;
      this.recoveredThisPass = 0;
      this.queue = this.silent;
      this.queueIndex = 0;
      this.silent = [];
      this.pump();
      return;
    }
    for (const port of this.silent) this.settle(port, "filtered");
    this.finish();
  }

  private wakeAfter(ms: number): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.pump();
      },
      Math.max(1, ms),
    );
  }

  private cleanup(): void {
    this.finished = true;
    this.input.signal?.removeEventListener("abort", this.onAbort);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.waitingForBudget) this.input.budget.cancelWait(this.wake);
  }

  private finish(): void {
    this.cleanup();
    this.resolve({
      states: this.states,
      stats: {
        probesSent: this.probesSent,
        passes: this.pass + 1,
        lossEvents: this.window.lossEvents,
        localResourceErrors: this.resourceErrors,
        finalTimeoutMs: this.rtt.timeoutMs,
        smoothedRttMs: this.rtt.smoothedRttMs,
        finalWindow: this.window.size,
        threads: 1,
      },
    });
  }

  private abort(): void {
    if (this.finished) return;
    for (let i = this.inflightHead; i < this.inflight.length; i++) {
      const probe = this.inflight[i]!;
      if (probe.done) continue;
      probe.done = true;
      probe.handle?.cancel();
      this.input.budget.release();
    }
    this.inflightCount = 0;
    this.fail(this.input.signal?.reason);
  }

  private fail(reason: unknown): void {
    this.cleanup();
    this.reject(reason ?? new DOMException("The scan was aborted", "AbortError"));
  }
}
