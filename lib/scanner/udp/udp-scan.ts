import dgram from "node:dgram";
import { bannerFrom } from "../banner";
import type { InFlightBudget } from "../tcp/inflight-budget";
import { probeRoundFor, type UdpIdentification } from "./probes";

export type UdpPortState = "open" | "closed" | "filtered" | "open|filtered";

export interface UdpPortResult {
  state: UdpPortState;
  identification: UdpIdentification | null;
  /** Escaped first bytes of the reply. */
  banner: string | null;
}

export interface UdpTiming {
  /** Wait per transmission, ms. */
  timeoutMs: number;
  /** Transmissions after the first. */
  retries: number;
  /** Probes in flight per host. */
  concurrency: number;
}

export const DEFAULT_UDP_TIMING: UdpTiming = { timeoutMs: 1_000, retries: 2, concurrency: 64 };

export interface UdpScanInput {
  ip: string;
  family: 4 | 6;
  ports: readonly number[];
  timing?: Partial<UdpTiming>;
  budget?: InFlightBudget;
  signal?: AbortSignal;
  /** Send every service probe to every port, not only the one registered for the port number. */
  everyProbe?: boolean;
  onPortState?: (port: number, result: UdpPortResult) => void;
}

const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EACCES", "EPERM"]);
const LOCAL_RESOURCE = new Set(["EMFILE", "ENFILE", "ENOBUFS", "EADDRNOTAVAIL", "EAGAIN", "ENOMEM"]);

/**
 * UDP scan of one host: one connected socket per port so the kernel hands us ICMP port unreachable as
 * ECONNREFUSED (closed). Any datagram back proves the port open; silence after the retries is open|filtered.
 */
export async function scanHostUdp(input: UdpScanInput): Promise<Map<number, UdpPortResult>> {
  const timing = { ...DEFAULT_UDP_TIMING, ...input.timing };
  const results = new Map<number, UdpPortResult>();
  const queue = [...new Set(input.ports)];
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      input.signal?.throwIfAborted();
      const port = queue[next++]!;
      const result = await probePort(input, port, timing);
      results.set(port, result);
      input.onPortState?.(port, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(timing.concurrency, queue.length)) }, worker));
  input.signal?.throwIfAborted();
  return results;
}

async function probePort(input: UdpScanInput, port: number, timing: UdpTiming): Promise<UdpPortResult> {
  for (let backoff = 10; ; backoff = Math.min(1_000, backoff * 2)) {
    if (!input.budget || input.budget.tryAcquire()) {
      try {
        return await probeOnce(input, port, timing);
      } catch (error) {
        if (!LOCAL_RESOURCE.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
      } finally {
        input.budget?.release();
      }
    }
    input.signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, backoff));
  }
}

function probeOnce(input: UdpScanInput, port: number, timing: UdpTiming): Promise<UdpPortResult> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(input.family === 4 ? "udp4" : "udp6");
    const round = probeRoundFor(port, input.everyProbe);
    let sends = 0;
    let timer: NodeJS.Timeout | null = null;
    let settled = false;
    const finish = (outcome: { result?: UdpPortResult; error?: Error }) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      input.signal?.removeEventListener("abort", onAbort);
      socket.close();
      if (outcome.error) reject(outcome.error);
      else resolve(outcome.result!);
    };
    const onAbort = () => finish({ error: input.signal!.reason ?? new Error("aborted") });
    const transmit = () => {
      if (settled) return;
      if (sends > timing.retries)
        return finish({ result: { state: "open|filtered", identification: null, banner: null } });
      sends++;
      for (const packet of round.packets)
        socket.send(packet, (error) => onError(error as NodeJS.ErrnoException | null));
      timer = setTimeout(transmit, timing.timeoutMs);
    };
    socket.on("message", (message) => {
      finish({ result: { state: "open", identification: round.identify(message), banner: bannerFrom(message, 256) } });
    });
    const onError = (error: NodeJS.ErrnoException | null) => {
      if (!error) return;
      const code = error.code ?? "";
      if (code === "ECONNREFUSED") return finish({ result: { state: "closed", identification: null, banner: null } });
      if (UNREACHABLE.has(code)) return finish({ result: { state: "filtered", identification: null, banner: null } });
      finish({ error });
    };
    // The ICMP error of the first datagram can surface on the send of the second: watch both paths.
    socket.on("error", onError);
    input.signal?.addEventListener("abort", onAbort, { once: true });
    socket.connect(port, input.ip, () => transmit());
  });
}
