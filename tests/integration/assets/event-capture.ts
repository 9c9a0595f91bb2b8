import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedEvent {
  name: string;
  data: Record<string, unknown>;
}

/**
 * A loopback stand-in for Inngest's event API (POST /e/<key>), so the real SDK sends real HTTP and
 * the test sees exactly the events the app emitted.
 */
export async function startEventCapture(): Promise<{ url: string; events: CapturedEvent[]; close(): Promise<void> }> {
  const events: CapturedEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body) as CapturedEvent | CapturedEvent[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      events.push(...batch.map((e) => ({ name: e.name, data: e.data })));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: batch.map((_, i) => `evt-${events.length}-${i}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
