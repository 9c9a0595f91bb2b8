import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSecurityTestChallenge, verifyAndSpendChallenge } from "@/lib/security-test/challenge";
import { purgeSecurityTests } from "@/lib/security-test/purge-security-tests";
import { securityTestSettings } from "@/lib/security-test/settings";

// A light challenge: the test proves the checks, not the browser's patience.
const settings = { ...securityTestSettings({}), powCost: 5, powMaxCounter: 40 };

async function solved(challenge: Challenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the test challenge could not be solved");
  return { challenge, solution };
}

const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64");

describe("the security test's proof of work", () => {
  it("accepts a solved challenge once: the same solution again is refused as replayed", async () => {
    const payload = encode(await solved(await createSecurityTestChallenge(new Date(), settings)));
    expect(await verifyAndSpendChallenge(payload)).toEqual({ ok: true });
    expect(await verifyAndSpendChallenge(payload)).toEqual({ ok: false, reason: "replayed" });
    expect(
      await db.spentChallenge.count({
        where: { signature: JSON.parse(Buffer.from(payload, "base64").toString()).challenge.signature },
      }),
    ).toBe(1);
  });

  it("refuses a forged challenge: changed parameters, a wrong solution, another signature", async () => {
    const original = await solved(await createSecurityTestChallenge(new Date(), settings));
    const spentBefore = await db.spentChallenge.count();
    const easier = {
      ...original,
      challenge: { ...original.challenge, parameters: { ...original.challenge.parameters, cost: 1 } },
    };
    expect(await verifyAndSpendChallenge(encode(easier))).toEqual({ ok: false, reason: "invalid" });
    const wrongKey = { ...original, solution: { ...original.solution, derivedKey: "00".repeat(32) } };
    expect(await verifyAndSpendChallenge(encode(wrongKey))).toEqual({ ok: false, reason: "invalid" });
    const resigned = { ...original, challenge: { ...original.challenge, signature: "ab".repeat(32) } };
    expect(await verifyAndSpendChallenge(encode(resigned))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyAndSpendChallenge("not base64 json")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyAndSpendChallenge(undefined)).toEqual({ ok: false, reason: "missing" });
    // None of them spent anything: the genuine solution still counts.
    expect(await db.spentChallenge.count()).toBe(spentBefore);
    expect(await verifyAndSpendChallenge(encode(original))).toEqual({ ok: true });
  });

  it("refuses an expired challenge, and forgets spent challenges once they have expired", async () => {
    const longAgo = new Date(Date.now() - 2 * settings.challengeTtlMs);
    const payload = encode(await solved(await createSecurityTestChallenge(longAgo, settings)));
    expect(await verifyAndSpendChallenge(payload)).toEqual({ ok: false, reason: "expired" });

    await db.spentChallenge.create({ data: { signature: "old", expiresAt: longAgo } });
    expect(
      await verifyAndSpendChallenge(encode(await solved(await createSecurityTestChallenge(new Date(), settings)))),
    ).toEqual({
      ok: true,
    });
    expect(await db.spentChallenge.findUnique({ where: { signature: "old" } })).toBeNull();
  });
});

describe("the daily purge", () => {
  it("drops tests older than a week and spent challenges that have expired, and keeps the rest", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    await db.securityTest.createMany({
      data: [
        { domain: "old.example.test", clientKey: "k", createdAt: new Date(now.getTime() - 8 * day) },
        { domain: "recent.example.test", clientKey: "k", createdAt: new Date(now.getTime() - 6 * day) },
      ],
    });
    await db.spentChallenge.create({ data: { signature: "expired", expiresAt: new Date(now.getTime() - 1000) } });
    await db.spentChallenge.create({ data: { signature: "live", expiresAt: new Date(now.getTime() + 60_000) } });
    expect(await purgeSecurityTests(now)).toBe(1);
    expect((await db.securityTest.findMany()).map((t) => t.domain)).toEqual(["recent.example.test"]);
    expect(await db.spentChallenge.findUnique({ where: { signature: "expired" } })).toBeNull();
    expect(await db.spentChallenge.findUnique({ where: { signature: "live" } })).not.toBeNull();
  });
});
