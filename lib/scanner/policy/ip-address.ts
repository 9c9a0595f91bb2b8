import net from "node:net";

export type IpFamily = 4 | 6;

/** Family of an IP literal, or null. Zone ids ("fe80::1%eth0") are rejected: they name an interface, not a host. */
export function ipFamily(text: string): IpFamily | null {
  if (text.includes("%")) return null;
  const family = net.isIP(text);
  return family === 4 || family === 6 ? family : null;
}

/** 16 bytes of an IPv6 literal (accepts the dotted IPv4 tail form); throws on anything else. */
export function ipv6ToBytes(text: string): Uint8Array {
  if (ipFamily(text) !== 6) throw new Error(`not an IPv6 address: ${text}`);
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  const lastPart = text.slice(lastColon + 1);
  if (lastPart.includes(".")) {
    tail.push(...ipv4ToBytes(lastPart));
    head = text.slice(0, lastColon + 1) + "0:0";
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, undefined];
  const groups = (part: string | undefined) => (part ? part.split(":").filter((g) => g !== "") : []);
  const leftGroups = groups(left);
  const rightGroups = groups(right);
  const missing = 8 - leftGroups.length - rightGroups.length;
  const all = [...leftGroups, ...Array<string>(right === undefined ? 0 : missing).fill("0"), ...rightGroups];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  if (tail.length === 4) bytes.set(tail, 12);
  return bytes;
}

export function ipv4ToBytes(text: string): number[] {
  if (ipFamily(text) !== 4) throw new Error(`not an IPv4 address: ${text}`);
  return text.split(".").map(Number);
}

export function bytesToIpv4(bytes: ArrayLike<number>, offset = 0): string {
  return [0, 1, 2, 3].map((i) => bytes[offset + i]).join(".");
}

/** Canonical text form: lower case, compressed IPv6 (via the WHATWG URL parser, RFC 5952). */
export function canonicalIp(text: string): string {
  const family = ipFamily(text);
  if (family === 4) return text.split(".").map(Number).join(".");
  if (family === 6) return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  throw new Error(`not an IP address: ${text}`);
}
