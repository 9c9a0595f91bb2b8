import http from "node:http";
import https from "node:https";

/**
 * Next.js gives route handlers, server actions and Auth.js the request headers, never the socket. It
 * fills X-Forwarded-For with the socket address only when the request has none, so a client that sends
 * its own cannot be told apart from a proxy's. This header is set on every request the server process
 * receives, overwriting whatever the client sent under that name, to the address the TCP connection
 * comes from.
 */
export const SOCKET_ADDRESS_HEADER = "x-portwatch-socket-address";

const INSTALLED = Symbol.for("portwatch.socketAddressHeader");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

export function stampSocketAddress(req: http.IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
}

/** Installed once per process, before the server handles requests (instrumentation.ts). */
export function installSocketAddressHeader(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{
    emit: Emit;
    [INSTALLED]?: true;
  }>) {
    if (Object.hasOwn(proto, INSTALLED)) continue;
    const original = proto.emit;
    proto.emit = function emit(this: unknown, event, ...args) {
      if (event === "request") stampSocketAddress(args[0] as http.IncomingMessage);
      return original.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
