import type { RttTiming } from "./rtt-estimator";

export interface TcpTiming extends RttTiming {
  /** Extra passes over ports that stayed silent; passes after the first retry need evidence of loss. */
  maxRetries: number;
  /** Congestion window at start, and the per-host cap on probes in flight. */
  initialWindow: number;
  maxWindowPerHost: number;
}

/** nmap -T4-like bounds (initial 500 ms there; we start at 1 s because the kernel's own SYN retry is at 1 s). */
export const DEFAULT_TCP_TIMING: TcpTiming = {
  initialTimeoutMs: 1_000,
  minTimeoutMs: 100,
  maxTimeoutMs: 1_500,
  maxRetries: 3,
  initialWindow: 10,
  maxWindowPerHost: 4_096,
};
