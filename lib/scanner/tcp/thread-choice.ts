/** Fewer ports than this are done before a worker thread would have paid for its start-up. */
export const AUTO_THREADS_MIN_PORTS = 16_384;
/**
 * Round trips at or below this mean the host is on loopback or a fast LAN: answers come back as fast
 * as we can send, so the scan is bound by our CPU (connect() runs the kernel's side of the handshake)
 * rather than by the network, and a second core speeds it up. Internet hosts are far above it.
 */
export const CPU_BOUND_RTT_MS = 1;
const MAX_AUTO_THREADS = 4;

/**
 * Threads for one host's connect scan when the caller did not choose: one, unless many ports remain
 * and the fastest answer so far says the scan is CPU-bound, in which case as many as there are spare
 * cores, up to four. The minimum, not the smoothed round trip: on loopback the smoothed figure is
 * mostly our own event loop's queueing (several ms), the minimum is the path (~0.1 ms).
 */
export function chooseThreads(input: { ports: number; minRttMs: number | null; spareCores: number }): number {
  if (input.ports < AUTO_THREADS_MIN_PORTS) return 1;
  if (input.minRttMs === null || input.minRttMs > CPU_BOUND_RTT_MS) return 1;
  return Math.max(1, Math.min(MAX_AUTO_THREADS, 1 + input.spareCores));
}
