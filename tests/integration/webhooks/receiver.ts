import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How the receiver answers one request. */
export type Answer =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Status 200, then this many bytes of body, written in 64 KiB chunks as fast as the client reads. */
  | { hugeBody: number }
  /** Accept the request and never answer. */
  | { silent: true };

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Bytes of the huge bodies actually written before the client hung up. */
  hugeBytesWritten: number;
  /** Answers for the next requests, in order; afterwards every request gets 200. */
  answers: Answer[];
  close(): Promise<void>;
}

/** A loopback webhook receiver (127.0.0.1, any free port) recording every request. */
export async function startReceiver(answers: Answer[] = []): Promise<Receiver> {
  const receiver = { requests: [] as ReceivedRequest[], hugeBytesWritten: 0, answers };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const answer = receiver.answers.shift() ?? { status: 200, body: "ok" };
      if ("silent" in answer) return;
      if ("hugeBody" in answer) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        const chunk = Buffer.alloc(64 * 1024, 120);
        const write = () => {
          while (receiver.hugeBytesWritten < answer.hugeBody) {
            if (res.destroyed) return;
            receiver.hugeBytesWritten += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", write);
          }
          res.end();
        };
        res.on("error", () => undefined);
        write();
        return;
      }
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    port,
    url: `http://127.0.0.1:${port}/hooks/portwatch`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
