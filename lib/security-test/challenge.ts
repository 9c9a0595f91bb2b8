import crypto from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { securityTestSettings, type SecurityTestSettings } from "./settings";

/** PBKDF2 runs on WebCrypto in every browser, in the widget's workers, without WebAssembly (which the CSP forbids). */
const ALGORITHM = "PBKDF2/SHA-256";

/**
 * The two HMAC secrets of the challenges: ALTCHA_HMAC_KEY when set, else derived from AUTH_SECRET, so a
 * fresh install works without another secret. One signs the challenge, the other the expected key,
 * which lets the server check a solution with one HMAC instead of repeating the work.
 */
function hmacSecrets(env: NodeJS.ProcessEnv = process.env) {
  const base = env.ALTCHA_HMAC_KEY?.trim() || authSecret(env);
  const derive = (purpose: string) => crypto.createHmac("sha256", base).update(purpose).digest("base64url");
  return { signature: derive("altcha-challenge"), key: derive("altcha-derived-key") };
}

/** A fresh signed challenge for the widget, expiring after the settings' TTL. */
export async function createSecurityTestChallenge(
  now = new Date(),
  settings: SecurityTestSettings = securityTestSettings(),
): Promise<Challenge> {
  const secrets = hmacSecrets();
  return createChallenge({
    algorithm: ALGORITHM,
    cost: settings.powCost,
    counter: randomInt(Math.max(1, Math.floor(settings.powMaxCounter / 2)), settings.powMaxCounter),
    deriveKey,
    expiresAt: new Date(now.getTime() + settings.challengeTtlMs),
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
}

/** What the widget posts (field "altcha"): base64 of { challenge, solution }. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      expiresAt: z.number(),
    }),
    signature: z.string().min(1).max(512),
  }),
  solution: z.object({
    counter: z.number().int().nonnegative(),
    derivedKey: z.string().max(512),
    time: z.number().optional(),
  }),
});

export type ChallengeFailure = "missing" | "invalid" | "expired" | "replayed";

export const CHALLENGE_MESSAGES: Record<ChallengeFailure, string> = {
  missing: "Wait for the browser check to finish (it runs by itself in a few seconds), then start the test.",
  invalid: "The browser check failed. Reload the page and try again.",
  expired: "The browser check expired. A new one has started: start the test again when it is done.",
  replayed: "This browser check was already used. A new one has started: start the test again when it is done.",
};

function decode(payload: string): z.infer<typeof payloadSchema> | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks a solved challenge and spends it: a valid solution is accepted once, until its challenge
 * expires (after which it is refused as expired anyway). Expired spent challenges are purged here.
 */
export async function verifyAndSpendChallenge(
  payload: string | undefined,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: ChallengeFailure }> {
  if (!payload) return { ok: false, reason: "missing" };
  const decoded = decode(payload);
  if (!decoded) return { ok: false, reason: "invalid" };
  const result = await verifySolution({
    challenge: decoded.challenge,
    solution: decoded.solution,
    deriveKey,
    hmacSignatureSecret: hmacSecrets().signature,
    hmacKeySignatureSecret: hmacSecrets().key,
  });
  if (result.expired) return { ok: false, reason: "expired" };
  if (!result.verified) return { ok: false, reason: "invalid" };

  await db.spentChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  try {
    await db.spentChallenge.create({
      data: {
        signature: decoded.challenge.signature,
        expiresAt: new Date(decoded.challenge.parameters.expiresAt * 1000),
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, reason: "replayed" };
    throw error;
  }
  return { ok: true };
}
