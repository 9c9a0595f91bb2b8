import net from "node:net";

/**
 * The listening front of the embedded database. PGlite is one PostgreSQL session; pglite-socket
 * multiplexes clients onto it message by message, so one client's Parse can land between another's
 * Parse and Bind ("bind message supplies 4 parameters, but prepared statement "" requires 3"). The
 * gate lets one client at a time talk to the session: from its first message until PostgreSQL is
 * idle again (ReadyForQuery "I" for every Query/Sync it sent — a transaction keeps the gate).
 * It also answers libpq's SSLRequest / GSSENCRequest with "N" (plain), so psql and pg_dump connect
 * with their defaults.
 */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Client messages that each end with exactly one ReadyForQuery: Query, Sync, FunctionCall. */
const ANSWERED = new Set(["Q", "S", "F"].map((c) => c.charCodeAt(0)));
const READY_FOR_QUERY = "Z".charCodeAt(0);
const IDLE = "I".charCodeAt(0);

interface Waiter {
  granted(): void;
}

class Gate {
  private holder: Waiter | null = null;
  private readonly waiting: Waiter[] = [];

  request(w: Waiter): void {
    if (this.holder === w || this.waiting.includes(w)) return;
    if (this.holder) {
      this.waiting.push(w);
      return;
    }
    this.holder = w;
    w.granted();
  }

  release(w: Waiter): void {
    const i = this.waiting.indexOf(w);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.holder !== w) return;
    this.holder = this.waiting.shift() ?? null;
    this.holder?.granted();
  }
}

/** Splits a byte stream into PostgreSQL messages (type byte + int32 length, or a length-first startup packet). */
class Framer {
  private buf: Buffer = Buffer.alloc(0);
  constructor(private startup: boolean) {}

  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Buffer[] = [];
    for (;;) {
      const size = this.startup
        ? this.buf.length >= 4
          ? this.buf.readInt32BE(0)
          : -1
        : this.buf.length >= 5
          ? 1 + this.buf.readInt32BE(1)
          : -1;
      if (size < 0 || this.buf.length < size) break;
      out.push(this.buf.subarray(0, size));
      this.buf = this.buf.subarray(size);
      if (this.startup && !isNegotiation(out[out.length - 1]!)) this.startup = false;
    }
    return out;
  }

  get partial(): boolean {
    return this.buf.length > 0;
  }
}

function isNegotiation(msg: Buffer): boolean {
  return msg.length === 8 && [SSL_REQUEST, GSSENC_REQUEST].includes(msg.readInt32BE(4));
}

function isCancel(msg: Buffer): boolean {
  return msg.length === 16 && msg.readInt32BE(4) === CANCEL_REQUEST;
}

export function gatedFront(innerPort: number): { server: net.Server; dropConnections(): void } {
  const gate = new Gate();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const inner = net.connect(innerPort, "127.0.0.1");
    for (const s of [client, inner]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    const fromClient = new Framer(true);
    const fromServer = new Framer(false);
    let pending: Buffer[] = [];
    let awaitingReady = 0;
    let holding = false;
    let startupSeen = false;

    const waiter: Waiter = {
      granted() {
        holding = true;
        flush();
      },
    };
    const flush = () => {
      for (const msg of pending) {
        if (!startupSeen || ANSWERED.has(msg[0]!)) awaitingReady++;
        startupSeen = true;
        inner.write(msg);
      }
      pending = [];
    };
    const close = () => {
      gate.release(waiter);
      client.destroy();
      inner.destroy();
    };

    client.on("data", (chunk: Buffer) => {
      for (const msg of fromClient.push(chunk)) {
        if (!startupSeen && isNegotiation(msg)) client.write("N");
        else if (!startupSeen && isCancel(msg))
          client.end(); // PGlite cannot cancel a running statement
        else pending.push(msg);
      }
      if (pending.length === 0) return;
      if (holding) flush();
      else gate.request(waiter);
    });
    inner.on("data", (chunk: Buffer) => {
      client.write(chunk);
      for (const msg of fromServer.push(chunk)) {
        if (msg[0] !== READY_FOR_QUERY) continue;
        awaitingReady--;
        if (awaitingReady <= 0 && msg[5] === IDLE && pending.length === 0 && !fromClient.partial) {
          awaitingReady = 0;
          holding = false;
          gate.release(waiter);
        }
      }
    });
    client.on("close", close);
    inner.on("close", close);
  });
  return { server, dropConnections: () => sockets.forEach((s) => s.destroy()) };
}
