import crypto from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID (time-sortable, 26 Crockford base32 characters), the id format Inngest uses for runs and events. */
export function ulid(now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.randomBytes(16);
  let rand = "";
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i]! % 32];
  return time + rand;
}

/**
 * Event ids derived from the SDK's X-Inngest-Event-Id-Seed ("<ms>,<base64 entropy>") and the event's
 * index: a send the SDK retries after a lost response gets the same ids and is not processed twice.
 */
export function seededEventId(seed: string, index: number): string | null {
  const m = /^(\d{1,15}),([A-Za-z0-9+/=]{4,64})$/.exec(seed.trim());
  if (!m) return null;
  const digest = crypto.createHash("sha256").update(`${seed}#${index}`).digest();
  let rand = "";
  for (let i = 0; i < 16; i++) rand += ALPHABET[digest[i]! % 32];
  return ulid(Number(m[1])).slice(0, 10) + rand;
}
