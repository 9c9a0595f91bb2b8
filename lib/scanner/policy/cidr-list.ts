import net from "node:net";
import { ipFamily } from "./ip-address";

export interface ParsedCidr {
  cidr: string;
  network: string;
  prefix: number;
  family: 4 | 6;
}

/** Parses "10.0.0.0/8", "::1/128" or a bare address (a single-host range). Throws with a readable message. */
export function parseCidr(text: string): ParsedCidr {
  const trimmed = text.trim();
  const [network, prefixText, extra] = trimmed.split("/");
  const family = ipFamily(network ?? "");
  if (!family || extra !== undefined) {
    throw new Error(`invalid CIDR range "${text}": expected e.g. 127.0.0.0/8 or ::1/128`);
  }
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) {
    throw new Error(`invalid CIDR range "${text}": prefix length must be a number`);
  }
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new Error(`invalid CIDR range "${text}": prefix length must be 0-${max}`);
  }
  return { cidr: `${network}/${prefix}`, network: network!, prefix, family };
}

/** Comma- or whitespace-separated ranges, as in SCAN_ALLOWED_CIDRS. */
export function parseCidrList(text: string | undefined): ParsedCidr[] {
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== "")
    .map(parseCidr);
}

/** A net.BlockList holding the given ranges; Node matches IPv4-mapped IPv6 against IPv4 rules itself. */
export function blockListOf(ranges: readonly ParsedCidr[]): net.BlockList {
  const list = new net.BlockList();
  for (const range of ranges) {
    list.addSubnet(range.network, range.prefix, range.family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

export function listContains(list: net.BlockList, ip: string): boolean {
  const family = ipFamily(ip);
  if (!family) return false;
  return list.check(ip, family === 4 ? "ipv4" : "ipv6");
}
