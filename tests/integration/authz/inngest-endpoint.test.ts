import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startLocalExecutor, type LocalExecutor } from "@/lib/executor";
import { executorSettings, pointSdkAtExecutor } from "@/lib/executor/env";
import { FAST, testLog } from "../executor/harness";

/**
 * /api/inngest is public: only the holder of the signing key may sync it, and wherever a request came
 * from, the functions are registered at APP_URL (issue 10, item 1). Before the fix an unsigned PUT with
 * a foreign Host made the SDK re-register every function at that host.
 */
type Handler = (req: NextRequest) => Promise<Response>;
let route: { GET: Handler; POST: Handler; PUT: Handler } | null = null;
let executor: LocalExecutor;
let appServer: http.Server;
const savedEnv = { ...process.env };
const APP_URL = "https://portwatch.test";

/** The route's handlers behind a loopback HTTP server, as `next start` would serve them. */
async function serveRoute(): Promise<string> {
  appServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const handler = route?.[req.method as "GET" | "POST" | "PUT"];
      if (!handler) return void res.writeHead(503).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await handler(
        new NextRequest(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }),
      );
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/inngest`;
}

beforeAll(async () => {
  const appUrl = await serveRoute();
  const settings = executorSettings({ PORTWATCH_APP_URL: appUrl });
  executor = await startLocalExecutor({ ...settings, port: 0, db, log: testLog, ...FAST });
  pointSdkAtExecutor(process.env, executor.url, settings);
  process.env.APP_URL = APP_URL;
  route = (await import("@/app/api/inngest/route")) as unknown as typeof route;
  await executor.ready;
});

afterAll(async () => {
  await executor?.stop();
  appServer?.closeAllConnections();
  await new Promise<void>((resolve) => appServer?.close(() => resolve()));
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

async function registered() {
  return db.executorFunction.findMany({
    where: { removedAt: null },
    select: { id: true, url: true, syncedAt: true },
    orderBy: { id: "asc" },
  });
}

describe("/api/inngest", () => {
  it("registers the functions at APP_URL, whatever address the sync came through", async () => {
    await executor.sync();
    const fns = await registered();
    expect(fns.length).toBeGreaterThan(3);
    for (const fn of fns) expect(fn.url.startsWith(`${APP_URL}/api/inngest?`), fn.url).toBe(true);
  });

  it("refuses an unsigned sync with a foreign Host and registers nothing", async () => {
    const before = await registered();
    const res = await route!.PUT(
      new NextRequest("http://attacker.test/api/inngest", { method: "PUT", headers: { host: "attacker.test" } }),
    );
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/registered/i);
    const after = await registered();
    expect(after).toEqual(before);
    for (const fn of after) expect(fn.url).not.toContain("attacker.test");
  });

  it("refuses a sync signed with another key", async () => {
    const body = JSON.stringify({ url: "http://attacker.test/api/inngest" });
    const before = await registered();
    const res = await route!.PUT(
      new NextRequest("http://attacker.test/api/inngest", {
        method: "PUT",
        headers: {
          host: "attacker.test",
          "x-inngest-sync-kind": "in_band",
          "x-inngest-signature": `t=${Math.floor(Date.now() / 1000)}&s=00`,
          "content-type": "application/json",
        },
        body,
      }),
    );
    expect(res.status).toBe(401);
    expect(await registered()).toEqual(before);
  });

  it("refuses an unsigned function call", async () => {
    const [fn] = await registered();
    const res = await route!.POST(
      new NextRequest(`http://127.0.0.1/api/inngest?fnId=${fn!.id}&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          event: { name: "x", data: {} },
          events: [],
          steps: {},
          ctx: { run_id: "r", attempt: 0, stack: { stack: [], current: 0 } },
        }),
      }),
    );
    expect(res.status).toBe(401);
  });
});
