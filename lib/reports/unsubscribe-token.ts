import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/** What a link unsubscribes from: the scheduled report or the alerts of one organisation. */
export type MailingList = "reports" | "alerts";

export interface UnsubscribeSubject {
  list: MailingList;
  organizationId: string;
  /** The recipient's address, lowercase. */
  email: string;
}

/** A key of its own, derived from AUTH_SECRET: an unsubscribe signature can never be replayed as anything else. */
function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", authSecret(), "portwatch", "mail-unsubscribe-v1", 32));
}

function sign(payload: string): string {
  return crypto.createHmac("sha256", key()).update(payload).digest("base64url");
}

/**
 * A token bound to one list, one organisation and one recipient. Without AUTH_SECRET nobody can make
 * one for another address, so a link unsubscribes only the person it was mailed to.
 */
export function unsubscribeToken(subject: UnsubscribeSubject): string {
  const payload = Buffer.from(
    JSON.stringify([subject.list, subject.organizationId, subject.email.toLowerCase()]),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The subject of a genuine token; null for anything altered, truncated or made up. */
export function readUnsubscribeToken(token: string): UnsubscribeSubject | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const [list, organizationId, email] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
    if ((list !== "reports" && list !== "alerts") || typeof organizationId !== "string" || typeof email !== "string")
      return null;
    return { list, organizationId, email };
  } catch {
    return null;
  }
}
