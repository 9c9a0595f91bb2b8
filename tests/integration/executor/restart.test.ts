import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { counter, finishedRun, gate, startHarness, waitFor, type Harness } from "./harness";

/** The queue and run state live in the database: a new executor resumes where the old one stopped. */
const calls = counter();
/** Per tag: step two announces it started, then waits for the test to release it. */
const gates = new Map([
  ["blocked", { started: gate(), release: gate() }],
  ["crash", { started: gate(), release: gate() }],
]);
let h: Harness;

beforeAll(async () => {
  h = await startHarness((inngest) => [
    inngest.createFunction({ id: "three-steps", triggers: [{ event: "test/three" }] }, async ({ event, step }) => {
      const { tag } = event.data as { tag: string };
      const one = await step.run("one", () => {
        calls.hit(`${tag}:one`);
        return 1;
      });
      const two = await step.run("two", async () => {
        calls.hit(`${tag}:two`);
        const g = gates.get(tag);
        if (g) {
          g.started.open();
          await g.release.promise;
        }
        return 2;
      });
      const three = await step.run("three", () => {
        calls.hit(`${tag}:three`);
        return 3;
      });
      return one + two + three;
    }),
    inngest.createFunction({ id: "nap", triggers: [{ event: "test/nap" }] }, async ({ step }) => {
      await step.run("before", () => calls.hit("nap:before"));
      await step.sleep("nap", "2s");
      await step.run("after", () => calls.hit("nap:after"));
      return "rested";
    }),
  ]);
});

afterAll(async () => {
  for (const g of gates.values()) g.release.open();
  await h?.close();
});

describe("local executor: restart", () => {
  it("finishes a run stopped mid-step on a new executor without re-running completed steps", async () => {
    const { ids } = await h.client.send({ name: "test/three", data: { tag: "blocked" } });
    const g = gates.get("blocked")!;
    await g.started.promise;
    const run = await waitFor("the run", () => db.executorRun.findFirst({ where: { eventId: ids[0]! } }));
    expect(await db.executorStepResult.count({ where: { runId: run.id } })).toBe(1);

    await h.restartExecutor();
    // The new executor calls the run again: step one is memoized, step two runs again and waits.
    await waitFor("step two to be retried by the new executor", () => calls.get("blocked:two") >= 2);
    g.release.open();

    const done = await finishedRun("executor-test-three-steps", ids[0]!);
    expect(done.status).toBe("COMPLETED");
    expect(done.output).toEqual({ data: 6 });
    expect(calls.get("blocked:one")).toBe(1);
    expect(calls.get("blocked:three")).toBe(1);
  });

  it("takes over the jobs of an executor that died once their lease lapses, and keeps sleeping runs", async () => {
    const nap = await h.client.send({ name: "test/nap", data: {} });
    await waitFor("the nap to start sleeping", () => db.executorJob.findFirst({ where: { kind: "SLEEP" } }));

    const crashed = await h.client.send({ name: "test/three", data: { tag: "crash" } });
    const g = gates.get("crash")!;
    await g.started.promise;
    const run = await waitFor("the crash run", () => db.executorRun.findFirst({ where: { eventId: crashed.ids[0]! } }));
    await h.executor.stop();
    // What a crash leaves behind: the call's job still leased by an executor that no longer exists.
    const leasedUntil = new Date(Date.now() + 1_500);
    const { count } = await db.executorJob.updateMany({
      where: { runId: run.id, kind: "CALL" },
      data: { lockedBy: "executor-that-died", lockedUntil: leasedUntil },
    });
    expect(count).toBe(1);
    await h.restartExecutor();

    await waitFor("step two to be retried after the lease lapsed", () => calls.get("crash:two") >= 2);
    expect(Date.now()).toBeGreaterThanOrEqual(leasedUntil.getTime());
    g.release.open();
    const done = await finishedRun("executor-test-three-steps", crashed.ids[0]!);
    expect(done.status).toBe("COMPLETED");
    expect([calls.get("crash:one"), calls.get("crash:three")]).toEqual([1, 1]);

    const napped = await finishedRun("executor-test-nap", nap.ids[0]!);
    expect(napped.output).toEqual({ data: "rested" });
    expect([calls.get("nap:before"), calls.get("nap:after")]).toEqual([1, 1]);
  });
});
