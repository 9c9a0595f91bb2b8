/**
 * One TCP (optionally TLS) conversation with the port under test, with hard limits:
 * our own connect timer (socket.setTimeout is only an idle timer), a deadline after which the
 * socket is reset whatever happens, a byte cap after which we stop reading, and RST on close
 * (resetAndDestroy, like nmap) so no TIME_WAIT is left behind.
 */
import net from "node:net";
import tls from "node:tls";
import { READ_CAP_BYTES } from "../banner";
import { isSelfConnection } from "../tcp/connect-outcome";

export interface Endpoint {
  ip: string;
  port: number;
  family: 4 | 6;
}

export interface ReadOptions {
  /** How long to wait for the first byte. */
  waitMs: number;
  /** After some data arrived, how long a silence ends the reply. */
  quietMs?: number;
  /** Ends the read early once the reply is known to be complete. */
  complete?: (reply: Buffer) => boolean;
}

const DEFAULT_QUIET_MS = 250;

export class Conversation {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private ended = false;
  private wake: (() => void) | null = null;
  private readonly deadlineTimer: NodeJS.Timeout;

  private readonly onAbort = () => this.close();
  private readonly onData = (chunk: Buffer) => this.onChunk(chunk);
  private readonly finish = () => {
    this.ended = true;
    this.notify();
  };

  constructor(
    private readonly stream: net.Socket,
    /** The TCP socket under `stream` (the same object for plain TCP): the one we reset. */
    private readonly raw: net.Socket,
    deadlineAt: number,
    private readonly signal?: AbortSignal,
    private readonly capBytes = READ_CAP_BYTES,
  ) {
    stream.on("data", this.onData);
    stream.on("end", this.finish);
    stream.on("close", this.finish);
    stream.on("error", this.finish);
    this.deadlineTimer = setTimeout(() => this.close(), Math.max(0, deadlineAt - Date.now()));
    if (signal?.aborted) this.close();
    else signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** True once the peer closed, the cap was reached, the deadline passed or we closed. */
  get isClosed(): boolean {
    return this.ended;
  }

  get socket(): net.Socket {
    return this.stream;
  }

  write(data: Buffer | string): void {
    if (this.ended || this.stream.destroyed) return;
    this.stream.write(data);
  }

  /** Bytes received since the previous read, waiting as `options` say. */
  async read(options: ReadOptions): Promise<Buffer> {
    const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const pending = this.pending();
      if (this.ended) return this.take();
      if (pending.length > 0 && options.complete?.(pending)) return this.take();
      const remaining = deadline - Date.now();
      if (remaining <= 0) return this.take();
      const wait = pending.length > 0 ? Math.min(quietMs, remaining) : remaining;
      const woke = await this.sleep(wait);
      if (!woke && pending.length > 0) return this.take();
    }
  }

  /** Sends `data` then reads the reply. */
  async exchange(data: Buffer | string, options: ReadOptions): Promise<Buffer> {
    this.write(data);
    return this.read(options);
  }

  /**
   * Hands the still-open TCP socket over (for a STARTTLS upgrade): this conversation stops reading it
   * and releases its timers; the socket is not closed. Null when the peer already hung up.
   */
  detach(): net.Socket | null {
    const usable = !this.ended && !this.raw.destroyed;
    this.ended = true;
    clearTimeout(this.deadlineTimer);
    this.signal?.removeEventListener("abort", this.onAbort);
    this.stream.off("data", this.onData);
    this.stream.off("end", this.finish);
    this.stream.off("close", this.finish);
    this.stream.off("error", this.finish);
    this.notify();
    if (!usable) closeSocket(this.raw);
    return usable ? this.raw : null;
  }

  /** Idempotent: resets the connection and releases timers and listeners. */
  close(): void {
    this.ended = true;
    clearTimeout(this.deadlineTimer);
    this.signal?.removeEventListener("abort", this.onAbort);
    this.notify();
    closeSocket(this.raw);
    if (this.stream !== this.raw) this.stream.destroy();
  }

  private onChunk(chunk: Buffer): void {
    const room = this.capBytes - this.received;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(kept);
    this.received += kept.length;
    // Stop reading beyond the cap: a hostile service must not make us buffer (or wait for) more.
    if (this.received >= this.capBytes) this.close();
    this.notify();
  }

  private pending(): Buffer {
    if (this.chunks.length > 1) {
      const joined = Buffer.concat(this.chunks);
      this.chunks.length = 0;
      this.chunks.push(joined);
    }
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private take(): Buffer {
    const out = this.pending();
    this.chunks.length = 0;
    return out;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Resolves true when something happened (data, close), false after `ms` of nothing. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}

/**
 * Resets a socket (RST, like nmap: no TIME_WAIT) when that is still possible. Once either side has
 * shut down, libuv refuses the reset and Node then never closes the handle: the process would keep
 * a dead socket in its event loop for ever. Those sockets are destroyed normally instead.
 */
export function closeSocket(socket: net.Socket): void {
  if (socket.destroyed) return;
  const shutDown = socket.readableEnded || socket.writableEnded || socket.writableFinished;
  if (shutDown) {
    socket.destroy();
    return;
  }
  try {
    socket.resetAndDestroy();
  } catch {
    // A socket without a TCP handle cannot send RST: destroying it is all that is left.
    socket.destroy();
  }
}

export interface ConnectOptions {
  connectTimeoutMs: number;
  /** Absolute time (ms since epoch) after which the conversation is reset unconditionally. */
  deadlineAt: number;
  signal?: AbortSignal;
}

/** Opens a TCP connection; null when it is refused, times out, or the signal aborts. */
export function connectTcp(endpoint: Endpoint, options: ConnectOptions): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve(null);
    const socket = net.connect({
      host: endpoint.ip,
      port: endpoint.port,
      family: endpoint.family,
      // Happy Eyeballs would add 250 ms attempts; we always connect to one IP literal.
      autoSelectFamily: false,
    });
    // Late errors (a reset after we gave up) must never become an uncaught 'error' event.
    socket.on("error", () => undefined);
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      socket.off("connect", onConnect);
      socket.off("error", onError);
      if (!ok) closeSocket(socket);
      resolve(ok ? socket : null);
    };
    // A connection to itself (see isSelfConnection) would echo our own probes back: nothing listens.
    const onConnect = () =>
      settle(!isSelfConnection({ address: socket.localAddress, port: socket.localPort }, endpoint.ip, endpoint.port));
    const onError = () => settle(false);
    const onAbort = () => settle(false);
    const timer = setTimeout(
      () => settle(false),
      Math.max(1, Math.min(options.connectTimeoutMs, options.deadlineAt - Date.now())),
    );
    socket.once("connect", onConnect);
    socket.once("error", onError);
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function openConversation(endpoint: Endpoint, options: ConnectOptions): Promise<Conversation | null> {
  const socket = await connectTcp(endpoint, options);
  if (socket === null) return null;
  return new Conversation(socket, socket, options.deadlineAt, options.signal);
}

export interface TlsConversation {
  conversation: Conversation;
  tlsSocket: tls.TLSSocket;
}

/**
 * Opens a TLS conversation accepting what a legacy or misconfigured server offers (TLS 1.0,
 * weak ciphers, self-signed certificates): we observe, we do not trust. Null when the
 * connection or the handshake fails.
 */
export async function openTlsConversation(
  endpoint: Endpoint,
  options: ConnectOptions & { serverName?: string; handshakeTimeoutMs: number },
): Promise<TlsConversation | null> {
  const raw = await connectTcp(endpoint, options);
  if (raw === null) return null;
  return startTls(raw, options);
}

/**
 * TLS handshake on an open TCP socket: right after connect (implicit TLS) or after a protocol's
 * STARTTLS exchange. Null (and the socket closed) when the handshake fails.
 */
export async function startTls(
  raw: net.Socket,
  options: ConnectOptions & { serverName?: string; handshakeTimeoutMs: number },
): Promise<TlsConversation | null> {
  const serverName = options.serverName && net.isIP(options.serverName) === 0 ? options.serverName : undefined;
  const tlsSocket = tls.connect({
    socket: raw,
    servername: serverName,
    minVersion: "TLSv1",
    ciphers: "DEFAULT:@SECLEVEL=0",
    rejectUnauthorized: false,
  });
  tlsSocket.on("error", () => undefined);
  const ok = await new Promise<boolean>((resolve) => {
    const settle = (value: boolean) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      tlsSocket.off("secureConnect", onSecure);
      tlsSocket.off("error", onFail);
      tlsSocket.off("close", onFail);
      resolve(value);
    };
    const onSecure = () => settle(true);
    const onFail = () => settle(false);
    const onAbort = () => settle(false);
    const timer = setTimeout(
      onFail,
      Math.max(1, Math.min(options.handshakeTimeoutMs, options.deadlineAt - Date.now())),
    );
    tlsSocket.once("secureConnect", onSecure);
    tlsSocket.once("error", onFail);
    tlsSocket.once("close", onFail);
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  const conversation = new Conversation(tlsSocket, raw, options.deadlineAt, options.signal);
  if (!ok) {
    conversation.close();
    return null;
  }
  return { conversation, tlsSocket };
}
