import net from "node:net";
import { fail, ok, type ParseResult } from "./target-types";

const NOT_A_HOST = (ip: string) =>
  `${ip} is not the address of a single host (unspecified, broadcast or multicast). Enter the address of the machine to monitor.`;

/** Canonical IPv4 text: Node accepts only four decimal numbers without leading zeros, which already is canonical. */
function normalizeIpv4(ip: string): ParseResult<string> {
  const first = Number(ip.split(".")[0]);
  if (ip === "0.0.0.0" || ip === "255.255.255.255" || (first >= 224 && first <= 239)) return fail(NOT_A_HOST(ip));
  return ok(ip);
}

/** RFC 5952 text (lowercase, longest zero run compressed) via the WHATWG URL serializer. */
function compressIpv6(ip: string): string {
  return new URL(`http://[${ip}]`).hostname.slice(1, -1);
}

function normalizeIpv6(ip: string): ParseResult<string> {
  const canonical = compressIpv6(ip);
  // An IPv4-mapped address is the IPv4 host itself: store it once, in its IPv4 form.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return normalizeIpv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  // ff00::/8 is multicast: the first group is four hex digits starting with "ff" (ff0:: is not).
  if (canonical === "::" || /^ff[0-9a-f]{2}:/.test(canonical)) return fail(NOT_A_HOST(canonical));
  return ok(canonical);
}

/**
 * A single IPv4 or IPv6 address in canonical text, or null when `input` is not an IP address at all
 * (so the caller can try it as a domain name). Brackets around IPv6 are accepted.
 */
export function normalizeIp(input: string): ParseResult<string> | null {
  const bare = /^\[(.*)\]$/.exec(input)?.[1] ?? input;
  if (bare.includes("%") && bare.includes(":")) {
    return fail("Enter the IPv6 address without a zone (the part after %), like 2001:db8::10.");
  }
  const family = net.isIP(bare);
  if (family === 4) return normalizeIpv4(bare);
  if (family === 6) return normalizeIpv6(bare);
  return null;
}
