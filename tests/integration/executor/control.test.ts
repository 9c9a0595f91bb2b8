import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { canonicalJson, signBody } from "@/lib/executor/signing";
import { counter, finishedRun, gate, runFor, startHarness, waitFor, type Harness } from "./harness";

/** waitForEvent, retries, NonRetriableError, concurrency, cancelOn, cron and signature checks. */
const calls = counter();
const failures: string[] = [];
const active = new Map<string, number>();
const maxActive = new Map<string, number>();
const orgBStarted = gate();
const deletedAssets: string[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startHarness((inngest) => [
    inngest.createFunction({ id: "approval", triggers: [{ event: "test/approval.requested" }] }, async ({ step }) => {
      const approved = await step.waitForEvent("wait-approval", {
        event: "test/approval.given",
        match: "data.requestId",
        timeout: "1m",
      });
      return { approvedBy: (approved?.data as { by?: string } | undefined)?.by ?? null };
    }),
    inngest.createFunction({ id: "short-wait", triggers: [{ event: "test/short-wait" }] }, async ({ step }) => {
      const got = await step.waitForEvent("wait-never", { event: "test/never", timeout: "1s" });
      return { timedOut: got === null };
    }),
    inngest.createFunction(
      { id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
      async ({ event, step }) => {
        const key = (event.data as { key: string }).key;
        return step.run("unstable", () => {
          calls.hit(`flaky:${key}`);
          if (calls.get(`flaky:${key}`) < 3) throw new Error(`transient failure ${calls.get(`flaky:${key}`)}`);
          return "third time lucky";
        });
      },
    ),
    inngest.createFunction(
      {
        id: "fatal",
        retries: 5,
        triggers: [{ event: "test/fatal" }],
        onFailure: async ({ error }) => {
          failures.push(error.message);
        },
      },
      async ({ step }) => {
        await step.run("refuse", () => {
          calls.hit("fatal:refuse");
          throw new NonRetriableError("asset is not owned by the organisation");
        });
      },
    ),
    inngest.createFunction(
      { id: "exhausted", retries: 1, triggers: [{ event: "test/exhausted" }] },
      async ({ step }) => {
        await step.run("always-fails", () => {
          calls.hit("exhausted");
          throw new Error("still broken");
        });
      },
    ),
    inngest.createFunction(
      {
        id: "per-org",
        concurrency: { limit: 1, key: "event.data.organizationId" },
        triggers: [{ event: "test/per-org" }],
      },
      async ({ event, step }) => {
        const { organizationId } = event.data as { organizationId: string };
        await step.run("work", async () => {
          const n = (active.get(organizationId) ?? 0) + 1;
          active.set(organizationId, n);
          maxActive.set(organizationId, Math.max(maxActive.get(organizationId) ?? 0, n));
          try {
            if (organizationId === "org-b") orgBStarted.open();
            // Org A's first run holds its slot until org B's run has started: if the limit were not
            // per key, org B could never start and this step would time out.
            if (organizationId === "org-a") {
              await Promise.race([
                orgBStarted.promise,
                new Promise((_, rej) => setTimeout(() => rej(new Error("org-b never started")), 15_000)),
              ]);
            }
            await new Promise((r) => setTimeout(r, 100));
          } finally {
            active.set(organizationId, (active.get(organizationId) ?? 1) - 1);
          }
        });
      },
    ),
    inngest.createFunction(
      {
        id: "asset-scan",
        cancelOn: [{ event: "test/asset.deleted", match: "data.assetId" }],
        triggers: [{ event: "test/asset.scan" }],
      },
      async ({ event, step }) => {
        const { assetId } = event.data as { assetId: string };
        await step.run("resolve", () => calls.hit(`scan:resolve:${assetId}`));
        await step.sleep("between-phases", "1h");
        await step.run("probe", () => calls.hit(`scan:probe:${assetId}`));
      },
    ),
    inngest.createFunction(
      { id: "on-delete", triggers: [{ event: "test/asset.deleted", if: "event.data.assetId != 'ignored'" }] },
      async ({ event }) => {
        deletedAssets.push((event.data as { assetId: string }).assetId);
      },
    ),
    inngest.createFunction(
      { id: "slowpoke", timeouts: { finish: "1s" }, triggers: [{ event: "test/slowpoke" }] },
      async ({ step }) => {
        await step.run("start", () => calls.hit("slowpoke:start"));
        await step.sleep("too-long", "1h");
        await step.run("never", () => calls.hit("slowpoke:never"));
      },
    ),
    inngest.createFunction({ id: "nightly", triggers: [{ cron: "TZ=Europe/Paris 0 3 * * *" }] }, async ({ step }) => {
      await step.run("tick", () => calls.hit("nightly"));
      return "ran";
    }),
  ]);
});

afterAll(async () => {
  await h?.close();
});

describe("local executor: waitForEvent", () => {
  it("resumes with the first later event whose data matches, ignoring others", async () => {
    const { ids } = await h.client.send({ name: "test/approval.requested", data: { requestId: "r1" } });
    await waitFor("the wait to be registered", () =>
      db.executorWait.findFirst({ where: { eventName: "test/approval.given" } }),
    );
    await h.client.send({ name: "test/approval.given", data: { requestId: "other", by: "mallory" } });
    await h.client.send({ name: "test/approval.given", data: { requestId: "r1", by: "alice" } });
    const run = await finishedRun("executor-test-approval", ids[0]!);
    expect(run.output).toEqual({ data: { approvedBy: "alice" } });
  });

  it("resumes with null when the timeout passes", async () => {
    const { ids } = await h.client.send({ name: "test/short-wait", data: {} });
    const run = await finishedRun("executor-test-short-wait", ids[0]!);
    expect(run.output).toEqual({ data: { timedOut: true } });
  });
});

describe("local executor: retries", () => {
  it("retries a failing step with backoff until it succeeds", async () => {
    const { ids } = await h.client.send({ name: "test/flaky", data: { key: "k1" } });
    const run = await finishedRun("executor-test-flaky", ids[0]!);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ data: "third time lucky" });
    expect(calls.get("flaky:k1")).toBe(3);
  });

  it("does not retry a NonRetriableError, fails the run and runs onFailure", async () => {
    const { ids } = await h.client.send({ name: "test/fatal", data: {} });
    const run = await finishedRun("executor-test-fatal", ids[0]!);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatchObject({ message: expect.stringContaining("asset is not owned") });
    expect(calls.get("fatal:refuse")).toBe(1);
    await waitFor("the onFailure handler", () => failures.some((m) => m.includes("asset is not owned")));
  });

  it("gives up after the configured number of retries", async () => {
    const { ids } = await h.client.send({ name: "test/exhausted", data: {} });
    const run = await finishedRun("executor-test-exhausted", ids[0]!);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatchObject({ message: expect.stringContaining("still broken") });
    expect(calls.get("exhausted")).toBe(2);
  });
});

describe("local executor: timeouts", () => {
  it("fails a run that does not finish within timeouts.finish", async () => {
    const { ids } = await h.client.send({ name: "test/slowpoke", data: {} });
    const run = await finishedRun("executor-test-slowpoke", ids[0]!);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatchObject({ name: "InngestFunctionTimeoutError" });
    expect([calls.get("slowpoke:start"), calls.get("slowpoke:never")]).toEqual([1, 0]);
    expect(await db.executorJob.count({ where: { runId: run.id } })).toBe(0);
  });
});

describe("local executor: concurrency", () => {
  it("runs at most one step per organisation at a time while other organisations proceed", async () => {
    const a1 = await h.client.send({ name: "test/per-org", data: { organizationId: "org-a" } });
    await waitFor("org-a's first step to start", () => (active.get("org-a") ?? 0) > 0);
    const a2 = await h.client.send({ name: "test/per-org", data: { organizationId: "org-a" } });
    const b1 = await h.client.send({ name: "test/per-org", data: { organizationId: "org-b" } });
    const runs = await Promise.all([a1, a2, b1].map((s) => finishedRun("executor-test-per-org", s.ids[0]!)));
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(maxActive.get("org-a")).toBe(1);
    expect(maxActive.get("org-b")).toBe(1);
  });
});

describe("local executor: cancelOn", () => {
  it("cancels the scan of a deleted asset and only that one", async () => {
    const kept = await h.client.send({ name: "test/asset.scan", data: { assetId: "asset-keep" } });
    const doomed = await h.client.send({ name: "test/asset.scan", data: { assetId: "asset-gone" } });
    await waitFor("both scans to sleep", async () => (await db.executorJob.count({ where: { kind: "SLEEP" } })) >= 2);
    await h.client.send({ name: "test/asset.deleted", data: { assetId: "asset-gone" } });
    const cancelled = await finishedRun("executor-test-asset-scan", doomed.ids[0]!);
    expect(cancelled.status).toBe("CANCELLED");
    const other = await runFor("executor-test-asset-scan", kept.ids[0]!);
    expect(other?.status).toBe("RUNNING");
    expect(calls.get("scan:resolve:asset-gone")).toBe(1);
    expect(calls.get("scan:probe:asset-gone")).toBe(0);
    expect(await db.executorJob.count({ where: { runId: cancelled.id } })).toBe(0);
    // The same event also triggered a function whose `if` expression accepts it.
    await waitFor("the on-delete trigger", () => deletedAssets.includes("asset-gone"));
  });

  it("applies trigger `if` expressions", async () => {
    const { ids } = await h.client.send({ name: "test/asset.deleted", data: { assetId: "ignored" } });
    await waitFor("the event to be processed", () =>
      db.executorEvent.findFirst({ where: { id: ids[0]!, processedAt: { not: null } } }),
    );
    expect(await db.executorRun.count({ where: { functionId: "executor-test-on-delete", eventId: ids[0]! } })).toBe(0);
  });
});

describe("local executor: cron", () => {
  it("keeps one schedule per cron trigger and starts a run when it falls due", async () => {
    const job = await db.executorJob.findFirstOrThrow({
      where: { kind: "CRON", dedupeKey: "cron:executor-test-nightly:TZ=Europe/Paris 0 3 * * *" },
    });
    // 03:00 in Paris is 01:00 or 02:00 UTC depending on the season.
    expect([1, 2]).toContain(job.runAt.getUTCHours());
    await h.executor.sync();
    expect(await db.executorJob.count({ where: { kind: "CRON" } })).toBe(1);

    await db.executorJob.update({ where: { id: job.id }, data: { runAt: new Date(Date.now() - 1000) } });
    h.executor.sync().catch(() => undefined); // wakes the queue
    const run = await waitFor("the cron run", async () => {
      const r = await db.executorRun.findFirst({ where: { functionId: "executor-test-nightly", status: "COMPLETED" } });
      return r;
    });
    expect(run.output).toEqual({ data: "ran" });
    expect((run.event as { name: string }).name).toBe("inngest/scheduled.timer");
    const rescheduled = await db.executorJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(rescheduled.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("local executor: request signing", () => {
  it("the app rejects calls that are unsigned or signed with another key", async () => {
    const body = canonicalJson({
      event: { name: "test/flaky", data: { key: "forged" } },
      events: [],
      steps: {},
      ctx: { run_id: "forged", attempt: 0, stack: { stack: [], current: 0 } },
    });
    const url = `${h.appUrl}?fnId=executor-test-flaky&stepId=step`;
    const unsigned = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, `signkey-test-${"00".repeat(32)}`),
      },
      body,
    });
    expect(forged.status).toBe(401);
    const genuine = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-inngest-signature": signBody(body, h.signingKey) },
      body,
    });
    expect(genuine.status).toBe(206);
    expect(calls.get("flaky:forged")).toBe(1);
  });

  it("the executor rejects events sent with another event key", async () => {
    const res = await fetch(`${h.executor.url}/e/wrong-key`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "test/flaky", data: { key: "nokey" } }),
    });
    expect(res.status).toBe(401);
    const bad = await fetch(`${h.executor.url}/e/${h.eventKey}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "Request body is not valid JSON" });
  });
});
