/**
 * POP3 greeting (RFC 1939): `+OK ...`. Examples: `+OK Dovecot (Debian) ready.`,
 * `+OK host Cyrus POP3 v3.6.1-Debian server ready <...>`.
 */
import type { Recogniser } from "../types";
import { field, firstLine } from "../text";

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /\bDovecot\b/, product: "Dovecot" },
  { pattern: /\bCyrus POP3 v?(\d[\w.]*)/, product: "Cyrus POP3" },
  { pattern: /\bQpopper \(version (\d[\w.]*)\)/, product: "Qpopper" },
  { pattern: /\bMicrosoft Exchange\b/, product: "Microsoft Exchange" },
];

export const recognisePop3: Recogniser = (reply) => {
  const line = firstLine(reply);
  if (!/^\+OK(?: |$)/.test(line)) return null;
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(line);
    if (match) return { protocol: "pop3", product, version: field(match[1] ?? null) };
  }
  return { protocol: "pop3", product: null, version: null };
};
