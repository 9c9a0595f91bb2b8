import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { counter, finishedRun, startHarness, waitFor, type Harness } from "./harness";

/** Multi-step, parallel, sleep, sendEvent fan-out and invoke against a real SDK app. */
const calls = counter();
const received: Array<{ batch: string; index: number }> = [];
let h: Harness;

beforeAll(async () => {
  h = await startHarness((inngest) => {
    const child = inngest.createFunction(
      { id: "double", triggers: [{ event: "test/double" }] },
      async ({ event, step }) => {
        return step.run("double", () => (event.data as { n: number }).n * 2);
      },
    );
    return [
      inngest.createFunction({ id: "multi", triggers: [{ event: "test/multi" }] }, async ({ event, step }) => {
        const a = await step.run("one", () => {
          calls.hit("multi:one");
          return `${(event.data as { word: string }).word}-1`;
        });
        const b = await step.run("two", () => {
          calls.hit("multi:two");
          return `${a}-2`;
        });
        const c = await step.run("three", () => {
          calls.hit("multi:three");
          return `${b}-3`;
        });
        return { result: c };
      }),
      inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
        const [x, y] = await Promise.all([
          step.run("left", () => {
            calls.hit("parallel:left");
            return 20;
          }),
          step.run("right", () => {
            calls.hit("parallel:right");
            return 22;
          }),
        ]);
        const sum = await step.run("sum", () => {
          calls.hit("parallel:sum");
          return x + y;
        });
        return { sum };
      }),
      inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
        const before = await step.run("before", () => {
          calls.hit("sleeper:before");
          return Date.now();
        });
        await step.sleep("nap", "1s");
        const after = await step.run("after", () => {
          calls.hit("sleeper:after");
          return Date.now();
        });
        return { sleptMs: after - before };
      }),
      inngest.createFunction({ id: "fanout", triggers: [{ event: "test/fanout" }] }, async ({ event, step }) => {
        const { batch, count } = event.data as { batch: string; count: number };
        await step.sendEvent(
          "fan-out",
          Array.from({ length: count }, (_, index) => ({ name: "test/fanout.item", data: { batch, index } })),
        );
        return { sent: count };
      }),
      inngest.createFunction(
        { id: "fanout-item", triggers: [{ event: "test/fanout.item" }] },
        async ({ event, step }) => {
          await step.run("record", () => {
            received.push(event.data as { batch: string; index: number });
          });
        },
      ),
      child,
      inngest.createFunction({ id: "invoker", triggers: [{ event: "test/invoke" }] }, async ({ step }) => {
        const doubled = await step.invoke("call-double", { function: child, data: { n: 21 } });
        return { doubled };
      }),
    ];
  });
});

afterAll(async () => {
  await h?.close();
});

describe("local executor: steps", () => {
  it("runs each step of a multi-step function exactly once and returns the function's result", async () => {
    const { ids } = await h.client.send({ name: "test/multi", data: { word: "scan" } });
    const run = await finishedRun("executor-test-multi", ids[0]!);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ data: { result: "scan-1-2-3" } });
    expect([calls.get("multi:one"), calls.get("multi:two"), calls.get("multi:three")]).toEqual([1, 1, 1]);
    const steps = await db.executorStepResult.count({ where: { runId: run.id } });
    expect(steps).toBe(3);
  });

  it("plans parallel steps and memoizes both results", async () => {
    const { ids } = await h.client.send({ name: "test/parallel", data: {} });
    const run = await finishedRun("executor-test-parallel", ids[0]!);
    expect(run.output).toEqual({ data: { sum: 42 } });
    expect(run.disableImmediateExecution).toBe(true);
    expect([calls.get("parallel:left"), calls.get("parallel:right"), calls.get("parallel:sum")]).toEqual([1, 1, 1]);
  });

  it("sleeps between steps without re-running the first one", async () => {
    const { ids } = await h.client.send({ name: "test/sleep", data: {} });
    const run = await finishedRun("executor-test-sleeper", ids[0]!);
    expect(run.status).toBe("COMPLETED");
    expect((run.output as { data: { sleptMs: number } }).data.sleptMs).toBeGreaterThanOrEqual(1000);
    expect([calls.get("sleeper:before"), calls.get("sleeper:after")]).toEqual([1, 1]);
  });

  it("fans out with step.sendEvent: every sent event triggers its own run", async () => {
    const { ids } = await h.client.send({ name: "test/fanout", data: { batch: "b1", count: 5 } });
    const run = await finishedRun("executor-test-fanout", ids[0]!);
    expect(run.output).toEqual({ data: { sent: 5 } });
    await waitFor("5 fan-out items", () => received.filter((r) => r.batch === "b1").length === 5);
    const done = await waitFor("fan-out runs to complete", async () => {
      const n = await db.executorRun.count({ where: { functionId: "executor-test-fanout-item", status: "COMPLETED" } });
      return n === 5 ? n : null;
    });
    expect(done).toBe(5);
    expect(
      received
        .filter((r) => r.batch === "b1")
        .map((r) => r.index)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it("invokes another function and receives its result", async () => {
    const { ids } = await h.client.send({ name: "test/invoke", data: {} });
    const run = await finishedRun("executor-test-invoker", ids[0]!);
    expect(run.output).toEqual({ data: { doubled: 42 } });
  });

  it("does not start a second run for an event id it has already received", async () => {
    const first = await h.client.send({ name: "test/multi", id: "dedupe-1", data: { word: "once" } });
    const second = await h.client.send({ name: "test/multi", id: "dedupe-1", data: { word: "twice" } });
    expect(second.ids).toEqual(first.ids);
    const run = await finishedRun("executor-test-multi", "dedupe-1");
    expect(run.output).toEqual({ data: { result: "once-1-2-3" } });
    expect(await db.executorRun.count({ where: { eventId: "dedupe-1" } })).toBe(1);
  });
});
