import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { finishedRun, startHarness, type Harness } from "./harness";

/**
 * The app's client is configured by the environment alone (what instrumentation.ts sets up): cloud
 * mode with signature checks, events and out-of-band syncs going to the executor.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness(
    (inngest) => [
      inngest.createFunction({ id: "hello", triggers: [{ event: "test/hello" }] }, async ({ event, step }) => {
        return step.run("greet", () => `hello ${(event.data as { name: string }).name}`);
      }),
    ],
    { clientFromEnv: true, appId: "env-app" },
  );
});

afterAll(async () => {
  await h?.close();
});

describe("local executor: environment configuration", () => {
  it("runs the SDK in signature-verifying cloud mode against the executor", async () => {
    expect(h.client.mode).toBe("cloud");
    const { ids } = await h.client.send({ name: "test/hello", data: { name: "portwatch" } });
    const run = await finishedRun("env-app-hello", ids[0]!);
    expect(run.output).toEqual({ data: "hello portwatch" });
  });

  it("accepts the SDK's out-of-band sync, authenticated with the hashed signing key", async () => {
    await db.executorFunction.updateMany({ where: { appId: "env-app" }, data: { syncedAt: new Date(0) } });
    const res = await fetch(h.appUrl, { method: "PUT" });
    expect(res.status).toBe(200);
    const fn = await db.executorFunction.findUniqueOrThrow({ where: { id: "env-app-hello" } });
    expect(fn.syncedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const forged = await fetch(`${h.executor.url}/fn/register`, {
      method: "POST",
      headers: { authorization: "Bearer signkey-prod-0000", "content-type": "application/json" },
      body: JSON.stringify({ url: h.appUrl, appName: "env-app", functions: [] }),
    });
    expect(forged.status).toBe(401);
    expect(await db.executorFunction.count({ where: { appId: "env-app", removedAt: null } })).toBe(1);
  });
});
