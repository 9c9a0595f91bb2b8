import { domainToASCII } from "node:url";
import { canonicalIp, ipFamily } from "../policy/ip-address";

export type ParsedTarget =
  { kind: "ip"; input: string; ip: string; family: 4 | 6 } | { kind: "domain"; input: string; hostname: string };

export type TargetParse = { ok: true; target: ParsedTarget } | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Classifies what the user typed: an IPv4/IPv6 literal (brackets allowed) or a DNS name (IDN converted
 * to punycode). Numeric look-alikes such as "127.1" or "2130706433" are refused rather than handed to a
 * resolver that might read them as IPv4 shorthand.
 */
export function parseTarget(input: string): TargetParse {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, message: "empty target" };
  const unbracketed = /^\[.*\]$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  const family = ipFamily(unbracketed);
  if (family) return { ok: true, target: { kind: "ip", input, ip: canonicalIp(unbracketed), family } };
  if (unbracketed.includes("%")) {
    return { ok: false, message: `"${trimmed}": IPv6 zone ids are not accepted` };
  }
  if (/[/:@\s]/.test(trimmed)) {
    return { ok: false, message: `"${trimmed}" is neither a domain name nor an IP address (give a host, not a URL)` };
  }
  const ascii = domainToASCII(trimmed.replace(/\.$/, "").toLowerCase());
  if (!ascii) return { ok: false, message: `"${trimmed}" is not a valid domain name` };
  if (ascii.length > 253) return { ok: false, message: `"${trimmed}" is longer than 253 characters` };
  const labels = ascii.split(".");
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return { ok: false, message: `"${trimmed}" is not a valid domain name (label "${bad}")` };
  }
  if (labels.length < 2) {
    return { ok: false, message: `"${trimmed}" is not a fully qualified domain name` };
  }
  // No top-level domain is numeric: "127.1" or "0x7f.1" would only be IPv4 shorthand in disguise.
  if (/^(0x[0-9a-f]*|\d+)$/i.test(labels[labels.length - 1]!)) {
    return { ok: false, message: `"${trimmed}" looks like a non-standard IPv4 literal; write it as a.b.c.d` };
  }
  return { ok: true, target: { kind: "domain", input, hostname: ascii } };
}
