/**
 * Service detection on one open TCP port: what the port itself answers, in the IANA vocabulary
 * of lib/scanner/iana.ts. See ./strategy.ts for the probing order.
 */
import net from "node:net";
import type { Detection } from "../types";
import { DEFAULT_TIMING, type DetectTiming } from "./timing";
import { runDetection } from "./strategy";

export interface DetectOptions extends Partial<Omit<DetectTiming, "timeoutMs">> {
  signal?: AbortSignal;
  /** Overall deadline for this port (default 15 s). */
  timeoutMs?: number;
  /** Address family of `ip`; derived from the literal when omitted. */
  family?: 4 | 6;
  /** Host name to send as TLS SNI (never an IP literal). */
  serverName?: string;
}

export type { DetectTiming } from "./timing";

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`Invalid ${name} ${String(value)}: expected a positive number of milliseconds`);
  return value;
}

export async function detectService(ip: string, port: number, options: DetectOptions = {}): Promise<Detection> {
  const literalFamily = net.isIP(ip);
  if (literalFamily === 0)
    throw new TypeError(`Invalid IP address ${JSON.stringify(ip)}: detection connects to IP literals only`);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new RangeError(`Invalid port ${String(port)}: expected an integer from 1 to 65535`);
  const family = options.family ?? (literalFamily as 4 | 6);
  if (family !== literalFamily) throw new TypeError(`Address ${ip} is not an IPv${family} address`);

  const timing: DetectTiming = {
    timeoutMs: positive(options.timeoutMs, DEFAULT_TIMING.timeoutMs, "timeoutMs"),
    connectTimeoutMs: positive(options.connectTimeoutMs, DEFAULT_TIMING.connectTimeoutMs, "connectTimeoutMs"),
    greetingMs: positive(options.greetingMs, DEFAULT_TIMING.greetingMs, "greetingMs"),
    slowGreetingMs: positive(options.slowGreetingMs, DEFAULT_TIMING.slowGreetingMs, "slowGreetingMs"),
    replyMs: positive(options.replyMs, DEFAULT_TIMING.replyMs, "replyMs"),
    handshakeMs: positive(options.handshakeMs, DEFAULT_TIMING.handshakeMs, "handshakeMs"),
  };

  // One controller carries both the caller's signal and our own overall deadline to every socket.
  const controller = new AbortController();
  const deadlineAt = Date.now() + timing.timeoutMs;
  const timer = setTimeout(() => controller.abort(), timing.timeoutMs);
  const forward = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", forward, { once: true });
  try {
    return await runDetection({
      endpoint: { ip, port, family },
      timing,
      deadlineAt,
      signal: controller.signal,
      serverName: options.serverName,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forward);
    controller.abort();
  }
}
