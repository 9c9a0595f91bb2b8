import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("../assets/event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { startSecurityTestAction } from "@/app/security-test/actions";
import { MESSAGES } from "@/lib/assets/parse-asset-target";
import { startSecurityTest } from "@/lib/security-test/start-security-test";
import { securityTestSettings } from "@/lib/security-test/settings";
import { DOMAIN_ONLY_MESSAGE } from "@/lib/validation/security-test";
import { form } from "../auth/support/forms";

afterAll(() => capture.close());

const HOUR = 60 * 60 * 1000;
const settings = { ...securityTestSettings({}), perIpPerHour: 3, perDomainPerDay: 2, maxConcurrent: 2 };

/** Tests that ran to the end, so they hold no concurrency slot. */
async function finishAll(now: Date) {
  await db.securityTest.updateMany({
    where: { status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "COMPLETED", grade: "A", score: 100, openPorts: 0, riskiestClasses: [], finishedAt: now },
  });
}

beforeEach(async () => {
  await db.securityTest.deleteMany();
  capture.events.length = 0;
});

describe("starting a public security test", () => {
  it("queues a scan of the domain and announces it", async () => {
    const started = await startSecurityTest(
      { domain: "shop.example.test", ip: "192.0.2.1", now: new Date() },
      settings,
    );
    expect(started.reused).toBe(false);
    const row = await db.securityTest.findUniqueOrThrow({ where: { id: started.id } });
    expect(row).toMatchObject({ domain: "shop.example.test", status: "QUEUED" });
    // The visitor's address is not kept, only a keyed hash of it.
    expect(row.clientKey).not.toContain("192.0.2.1");
    expect(capture.events).toEqual([{ name: "security-test/scan.requested", data: { securityTestId: started.id } }]);
  });

  it("shows a domain's result of the last hour again instead of scanning it twice, and scans it again after", async () => {
    const t0 = new Date("2026-11-28T09:00:00Z");
    const first = await startSecurityTest({ domain: "cached.example.test", ip: "192.0.2.1", now: t0 }, settings);
    // Still running: another visitor joins it.
    const joined = await startSecurityTest(
      { domain: "cached.example.test", ip: "192.0.2.2", now: new Date(t0.getTime() + 1000) },
      settings,
    );
    expect(joined).toEqual({ id: first.id, reused: true });
    await finishAll(new Date(t0.getTime() + 5000));
    const cached = await startSecurityTest(
      { domain: "cached.example.test", ip: "192.0.2.3", now: new Date(t0.getTime() + 59 * 60 * 1000) },
      settings,
    );
    expect(cached).toEqual({ id: first.id, reused: true });
    const fresh = await startSecurityTest(
      { domain: "cached.example.test", ip: "192.0.2.3", now: new Date(t0.getTime() + HOUR + 10_000) },
      settings,
    );
    expect(fresh.reused).toBe(false);
    expect(fresh.id).not.toBe(first.id);
    expect(capture.events).toHaveLength(2);
  });

  it("limits new tests per visitor address per hour, saying when to come back", async () => {
    const t0 = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      await startSecurityTest(
        { domain: `d${i}.example.test`, ip: "192.0.2.9", now: new Date(t0.getTime() + i * 60_000) },
        settings,
      );
      await finishAll(new Date(t0.getTime() + i * 60_000 + 1000));
    }
    const fourth = startSecurityTest(
      { domain: "d3.example.test", ip: "192.0.2.9", now: new Date(t0.getTime() + 10 * 60_000) },
      settings,
    );
    await expect(fourth).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/3 security tests in the last hour.*Try again in 50 minutes/),
    });
    // Another network is not affected, and the first address may test again once an hour has passed.
    await expect(
      startSecurityTest(
        { domain: "d3.example.test", ip: "192.0.2.10", now: new Date(t0.getTime() + 10 * 60_000) },
        settings,
      ),
    ).resolves.toMatchObject({ reused: false });
    await finishAll(new Date(t0.getTime() + 11 * 60_000));
    await expect(
      startSecurityTest(
        { domain: "d4.example.test", ip: "192.0.2.9", now: new Date(t0.getTime() + HOUR + 1000) },
        settings,
      ),
    ).resolves.toMatchObject({ reused: false });
    expect(await db.securityTest.count({ where: { domain: "d3.example.test" } })).toBe(1);
  });

  it("limits new tests of one domain per day, whoever asks", async () => {
    const t0 = new Date("2026-11-28T00:00:00Z");
    for (let i = 0; i < 2; i++) {
      await startSecurityTest(
        { domain: "busy.example.test", ip: `192.0.2.${20 + i}`, now: new Date(t0.getTime() + i * 2 * HOUR) },
        settings,
      );
      await finishAll(new Date(t0.getTime() + i * 2 * HOUR + 1000));
    }
    await expect(
      startSecurityTest(
        { domain: "busy.example.test", ip: "192.0.2.30", now: new Date(t0.getTime() + 5 * HOUR) },
        settings,
      ),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/busy\.example\.test has been tested 2 times/),
    });
  });

  it("caps the tests running at once for everyone", async () => {
    const now = new Date();
    await startSecurityTest({ domain: "r1.example.test", ip: "192.0.2.41", now }, settings);
    await startSecurityTest({ domain: "r2.example.test", ip: "192.0.2.42", now }, settings);
    await expect(
      startSecurityTest({ domain: "r3.example.test", ip: "192.0.2.43", now }, settings),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: "Many security tests are running right now. Please try again in a minute.",
    });
    // A test that died long ago no longer holds its slot.
    await db.securityTest.updateMany({ data: { createdAt: new Date(now.getTime() - HOUR) } });
    await expect(
      startSecurityTest({ domain: "r3.example.test", ip: "192.0.2.43", now }, settings),
    ).resolves.toMatchObject({
      reused: false,
    });
  });

  it("never tests a domain on the operator's opt-out list, nor its subdomains", async () => {
    const optedOut = { ...settings, optOut: ["example.org"] };
    for (const domain of ["example.org", "www.example.org"]) {
      await expect(startSecurityTest({ domain, ip: "192.0.2.50", now: new Date() }, optedOut)).rejects.toMatchObject({
        code: "forbidden",
        message: `${domain} is not tested here: its owner has asked us not to scan it.`,
      });
    }
    await expect(
      startSecurityTest({ domain: "notexample.org", ip: "192.0.2.50", now: new Date() }, optedOut),
    ).resolves.toMatchObject({
      reused: false,
    });
    expect(await db.securityTest.count({ where: { domain: { endsWith: "example.org" } } })).toBe(1);
  });
});

describe("the security test form", () => {
  it("answers a malformed or refused domain with the asset form's messages, before any proof of work is spent", async () => {
    const cases: [string, string][] = [
      ["https://shop.example.test/login", MESSAGES.url],
      ["", MESSAGES.empty],
      ["shop.example.test:8080", MESSAGES.port],
      ["192.0.2.10", DOMAIN_ONLY_MESSAGE],
    ];
    for (const [domain, message] of cases) {
      const result = await startSecurityTestAction(undefined, form({ domain, altcha: "anything" }));
      expect(result).toMatchObject({ code: "invalid_input", fieldErrors: { domain: [message] } });
    }
    expect(await db.spentChallenge.count()).toBe(0);
    expect(await db.securityTest.count()).toBe(0);
  });

  it("says so when the browser check is missing or forged", async () => {
    const missing = await startSecurityTestAction(undefined, form({ domain: "shop.example.test" }));
    expect(missing).toMatchObject({
      code: "invalid_input",
      error: expect.stringMatching(/Wait for the browser check/),
    });
    const forged = await startSecurityTestAction(undefined, form({ domain: "shop.example.test", altcha: "Zm9yZ2Vk" }));
    expect(forged).toMatchObject({
      code: "invalid_input",
      error: "The browser check failed. Reload the page and try again.",
    });
    expect(await db.securityTest.count()).toBe(0);
  });
});
