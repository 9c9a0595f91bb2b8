/**
 * IMAP greeting (RFC 9051 §7.1): `* OK`, `* PREAUTH` or `* BYE`. Examples:
 * `* OK [CAPABILITY IMAP4rev1 ...] Dovecot (Debian) ready.`, `* OK host Cyrus IMAP 3.6.1-Debian server ready`.
 */
import type { Recogniser } from "../types";
import { field, firstLine } from "../text";

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /\bDovecot\b/, product: "Dovecot" },
  { pattern: /\bCyrus IMAP v?(\d[\w.]*)/, product: "Cyrus IMAP" },
  { pattern: /\bCourier-IMAP\b/, product: "Courier-IMAP" },
  { pattern: /\bIMAP4rev1 (\d{4}\.\d+)/, product: "UW IMAP" },
  { pattern: /\bMicrosoft Exchange\b/, product: "Microsoft Exchange" },
];

export const recogniseImap: Recogniser = (reply) => {
  const line = firstLine(reply);
  if (!/^\* (OK|PREAUTH|BYE)\b/i.test(line)) return null;
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(line);
    if (match) return { protocol: "imap", product, version: field(match[1] ?? null) };
  }
  return { protocol: "imap", product: null, version: null };
};
