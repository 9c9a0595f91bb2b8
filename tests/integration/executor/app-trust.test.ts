import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startLocalExecutor, type LocalExecutor } from "@/lib/executor";
import { canonicalJson, generateEventKey, generateSigningKey, signBody } from "@/lib/executor/signing";
import { FAST, finishedRun, startHarness, testLog, type Harness } from "./harness";

/**
 * The executor trusts nothing but its configured app URL and the signing key: a function URL someone
 * managed to register elsewhere is never called, and a reply without the app's signature counts for
 * nothing (issue 10, item 1).
 */
describe("local executor: calls only its configured app URL", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      (inngest) => [
        inngest.createFunction({ id: "echo", triggers: [{ event: "test/echo" }] }, async ({ event }) => ({
          echoed: event.data,
        })),
      ],
      { appId: "trust-app" },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("ignores a function URL that points at another host", async () => {
    // What an attacker's re-registration left behind: the function's URL on their listener.
    await db.executorFunction.update({
      where: { id: "trust-app-echo" },
      data: { url: "http://attacker.test:9/api/inngest?fnId=trust-app-echo&stepId=step" },
    });
    const { ids } = await h.client.send({ name: "test/echo", data: { n: 1 } });
    const run = await finishedRun("trust-app-echo", ids[0]!);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ data: { echoed: { n: 1 } } });
  });
});

/** A loopback stand-in for the app that signs what it is told to sign. */
async function fakeApp(
  answer: (
    req: http.IncomingMessage,
    body: string,
  ) => { status: number; body: string; sign: boolean; headers?: Record<string, string> },
  signingKey: string,
) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const a = answer(req, Buffer.concat(chunks).toString("utf8"));
      const headers: Record<string, string> = { "content-type": "application/json", ...a.headers };
      if (a.sign) headers["x-inngest-signature"] = signBody(a.body, signingKey);
      res.writeHead(a.status, headers).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  return {
    url,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function syncBody(appId: string, url: string) {
  return canonicalJson({
    app_id: appId,
    functions: [
      {
        id: `${appId}-fn`,
        name: "fn",
        triggers: [{ event: `${appId}/go` }],
        steps: {
          step: {
            id: "step",
            name: "step",
            runtime: { type: "http", url: `${url}?fnId=${appId}-fn&stepId=step` },
            retries: { attempts: 0 },
          },
        },
      },
    ],
  });
}

describe("local executor: verifies the signatures of the app's replies", () => {
  const signingKey = generateSigningKey();
  const eventKey = generateEventKey();
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function executorFor(appUrl: string): Promise<LocalExecutor> {
    const executor = await startLocalExecutor({
      appUrl,
      signingKey,
      eventKey,
      port: 0,
      host: "127.0.0.1",
      db,
      log: testLog,
      ...FAST,
    });
    closers.push(() => executor.stop());
    return executor;
  }

  it("refuses an unsigned sync reply", async () => {
    const app = await fakeApp(
      (_req, _body) => ({
        status: 200,
        body: syncBody("unsigned-sync", "http://127.0.0.1:9/api/inngest"),
        sign: false,
        headers: { "x-inngest-sync-kind": "in_band" },
      }),
      signingKey,
    );
    closers.push(app.close);
    const executor = await executorFor(app.url);
    await expect(executor.sync()).rejects.toThrow(/signature/i);
    expect(await db.executorFunction.count({ where: { appId: "unsigned-sync" } })).toBe(0);
  });

  it("fails a run whose step replies are not signed, instead of taking them as the result", async () => {
    const app = await fakeApp((req) => {
      if (req.method === "PUT")
        return {
          status: 200,
          body: syncBody("unsigned-call", "http://127.0.0.1:9/api/inngest"),
          sign: true,
          headers: { "x-inngest-sync-kind": "in_band" },
        };
      return { status: 200, body: JSON.stringify("forged result"), sign: false };
    }, signingKey);
    closers.push(app.close);
    const executor = await executorFor(app.url);
    await executor.ready;
    const res = await fetch(`${executor.url}/e/${eventKey}`, {
      method: "POST",
      body: JSON.stringify({ name: "unsigned-call/go", data: {} }),
    });
    const { ids } = (await res.json()) as { ids: string[] };
    const run = await finishedRun("unsigned-call-fn", ids[0]!);
    expect(run.status).toBe("FAILED");
    expect(run.output).not.toEqual("forged result");
    expect(JSON.stringify(run.error)).toMatch(/signature/i);
  });
});
