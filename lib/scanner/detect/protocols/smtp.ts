/**
 * SMTP greeting (RFC 5321 §4.2): `220 host ESMTP <software>`; Postfix's postscreen first sends a
 * partial `220-` line, so either form counts. A bare `220` greeting is shared with FTP: then an
 * EHLO tells them apart (SMTP answers 250, FTP a 5xx without an enhanced status code).
 */
import type { Conversation } from "../connection";
import type { Recognition, Recogniser } from "../types";
import { field, lines } from "../text";
import { looksLikeFtp } from "./ftp";

export const EHLO = "EHLO portwatch.invalid\r\n";

const GREETING = /^(220|421|554)[ -](.*)$/;
const SMTP_WORDS = /\b(E?SMTP|Postfix|Exim|Sendmail|OpenSMTPD|Haraka|qmail|MTA)\b/i;

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /\bESMTP Postfix\b/i, product: "Postfix" },
  { pattern: /\bExim (\d+\.\d+(?:\.\d+)?)/, product: "Exim" },
  { pattern: /\bExim\b/, product: "Exim" },
  { pattern: /\bSendmail (\d[\w.]*)/, product: "Sendmail" },
  { pattern: /\bSendmail\b/, product: "Sendmail" },
  { pattern: /\bOpenSMTPD\b/, product: "OpenSMTPD" },
  { pattern: /\bHaraka\/?(\d[\w.]*)?/, product: "Haraka" },
  { pattern: /\bMicrosoft ESMTP MAIL Service(?:, Version: (\d[\d.]*))?/, product: "Microsoft ESMTP MAIL Service" },
  { pattern: /\bqmail\b/i, product: "qmail" },
];

function smtpProduct(text: string): { product: string | null; version: string | null } {
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(text);
    if (match) return { product, version: field(match[1] ?? null) };
  }
  return { product: null, version: null };
}

export const recogniseSmtp: Recogniser = (reply) => {
  const greeting = lines(reply, 16)
    .map((line) => GREETING.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  if (greeting.length === 0) return null;
  const text = greeting.map((match) => match[2]).join(" ");
  if (looksLikeFtp(text) || !SMTP_WORDS.test(text)) return null;
  return { protocol: "smtp", ...smtpProduct(text) };
};

/** Reply to EHLO: `250-host ...` lines (or `250 host`). */
export function isEhloReply(reply: Buffer): boolean {
  return /^250[ -]/.test(reply.toString("latin1"));
}

/**
 * A `220` greeting that names neither SMTP nor FTP: ask EHLO on the same connection.
 * Returns null for anything that is not such a greeting, or when the answer decides nothing.
 */
export async function resolveAmbiguous220(
  conversation: Conversation,
  greeting: Buffer,
  waitMs: number,
): Promise<Recognition | null> {
  if (!/^220[ -]/.test(greeting.toString("latin1")) || conversation.isClosed) return null;
  const reply = await conversation.exchange(EHLO, { waitMs });
  const text = reply.toString("latin1");
  if (isEhloReply(reply)) return { protocol: "smtp", ...smtpProduct(greeting.toString("latin1")) };
  // 5xx with an enhanced status code (5.5.1) is still SMTP; a bare 5xx is FTP rejecting an unknown command.
  if (/^5\d\d[ -]\d\.\d{1,3}\.\d{1,3}\b/.test(text)) return { protocol: "smtp", product: null, version: null };
  if (/^5\d\d[ -]/.test(text)) return { protocol: "ftp", product: null, version: null };
  return null;
}
