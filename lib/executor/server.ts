import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { EventValidationError, parseEvents, storeEvents } from "./ingest";
import type { ExecutorLogger } from "./log";
import { registerFunctions } from "./registry";
import { hashedSigningKey, safeEqual } from "./signing";
import type { Db } from "./store";

/**
 * The executor's HTTP side, on loopback: the SDK sends events to POST /e/:eventKey and, for
 * out-of-band syncs, POSTs its functions to /fn/register with the hashed signing key as bearer token.
 */
export interface ServerOptions {
  db: Db;
  log: ExecutorLogger;
  host: string;
  port: number;
  /** Events must be sent with this key (null accepts any key). */
  eventKey: string | null;
  signingKey: string;
  onChange: () => void;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const registerSchema = z
  .object({ url: z.string().url(), appName: z.string().min(1), functions: z.array(z.unknown()) })
  .passthrough();

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Request body is not valid JSON");
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export async function startServer(opts: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const expectedBearer = `Bearer ${hashedSigningKey(opts.signingKey)}`;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://executor.invalid");
    const eventMatch = /^\/e\/([^/]*)\/?$/.exec(url.pathname);
    if (req.method === "POST" && eventMatch) {
      const key = decodeURIComponent(eventMatch[1]!);
      if (opts.eventKey !== null && !safeEqual(key, opts.eventKey)) throw new HttpError(401, "Event key not found");
      const body = parseJsonBody(await readBody(req));
      const seed = req.headers["x-inngest-event-id-seed"];
      const events = parseEvents(body, typeof seed === "string" ? seed : null);
      const ids = await storeEvents(opts.db, events);
      opts.onChange();
      opts.log.debug("events received", { count: ids.length, names: [...new Set(events.map((e) => e.name))] });
      return send(res, 200, { ids, status: 200 });
    }
    if (req.method === "POST" && url.pathname === "/fn/register") {
      if (!safeEqual(req.headers.authorization ?? "", expectedBearer)) throw new HttpError(401, "Invalid signing key");
      const parsed = registerSchema.safeParse(parseJsonBody(await readBody(req)));
      if (!parsed.success) throw new HttpError(400, "Invalid register request");
      const result = await registerFunctions(opts.db, parsed.data.appName, parsed.data.functions, opts.log);
      opts.onChange();
      opts.log.info("app synced (out of band)", { appId: parsed.data.appName, functions: result.functions });
      if (result.skipped.length) throw new HttpError(400, `Invalid functions: ${result.skipped.join(" | ")}`);
      return send(res, 200, { ok: true, modified: result.modified });
    }
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "ok" });
    throw new HttpError(404, "Not found");
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : err instanceof EventValidationError ? 400 : 500;
      if (status === 500) opts.log.error("request failed", { path: req.url?.replace(/\/e\/[^/?]+/, "/e/…"), err });
      if (!res.headersSent) send(res, status, { error: err instanceof Error ? err.message : String(err), status });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
