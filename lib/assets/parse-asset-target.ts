import net from "node:net";
import { normalizeDomain } from "./normalize-domain";
import { normalizeIp } from "./normalize-ip";
import { fail, ok, type AssetTarget, type ParseResult } from "./target-types";

/** Long enough for any valid name in any script; anything longer is refused before parsing. */
const MAX_INPUT_LENGTH = 1000;

export const MESSAGES = {
  empty: "Enter a domain name, like example.com, or an IP address.",
  tooLong: "That is far too long for a domain name (at most 253 characters).",
  url: "Enter just the domain name, like example.com — not a URL.",
  cidr: "Enter a single IP address, like 192.0.2.10 — ranges (CIDR notation) are not supported; add each address separately.",
  email: "Enter the domain name, like example.com — not an e-mail address.",
  port: "Enter the domain name or IP address without a port, like example.com — Portwatch checks the ports itself.",
  wildcard: "Enter the domain name without a wildcard, like example.com.",
  colon: 'A domain name cannot contain ":". Enter a domain name, like example.com, or a valid IP address.',
} as const;

function explainSlash(input: string): string {
  const [address, prefix] = input.split("/", 2);
  if (address && prefix !== undefined && /^\d{1,3}$/.test(prefix) && net.isIP(address.replace(/^\[|\]$/g, "")))
    return MESSAGES.cidr;
  return MESSAGES.url;
}

/** The one entry point: a domain name or a single IP address, normalised, or a message saying what to enter instead. */
export function parseAssetTarget(raw: string): ParseResult<AssetTarget> {
  const input = raw.trim();
  if (input === "") return fail(MESSAGES.empty);
  if (input.length > MAX_INPUT_LENGTH) return fail(MESSAGES.tooLong);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) || input.startsWith("//")) return fail(MESSAGES.url);
  if (input.includes("/")) return fail(explainSlash(input));
  if (/[?#]/.test(input)) return fail(MESSAGES.url);
  if (input.includes("@")) return fail(MESSAGES.email);
  if (/^\[[^\]]*\]:\d*$/.test(input)) return fail(MESSAGES.port);

  const ip = normalizeIp(input);
  if (ip) return ip.ok ? ok({ kind: "IP", value: ip.value }) : ip;

  if (input.includes(":")) return fail(/^[^:]+:\d*$/.test(input) ? MESSAGES.port : MESSAGES.colon);
  if (input.includes("*")) return fail(MESSAGES.wildcard);

  const domain = normalizeDomain(input);
  return domain.ok ? ok({ kind: "DOMAIN", value: domain.value }) : domain;
}
