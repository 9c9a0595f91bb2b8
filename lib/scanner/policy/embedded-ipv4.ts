import { bytesToIpv4, ipv6ToBytes } from "./ip-address";

/**
 * IPv6 forms that carry an IPv4 address: a connection to them ends at (or is translated to) that
 * IPv4 host, so the policy judges the IPv4 address instead of the IPv6 wrapper.
 */
export interface EmbeddedIpv4 {
  ipv4: string;
  via: string;
}

export function embeddedIpv4(ipv6: string): EmbeddedIpv4 | null {
  const b = ipv6ToBytes(ipv6);
  const zeroUntil = (end: number) => b.subarray(0, end).every((x) => x === 0);
  if (zeroUntil(10) && b[10] === 0xff && b[11] === 0xff) {
    return { ipv4: bytesToIpv4(b, 12), via: "IPv4-mapped ::ffff:0:0/96" };
  }
  // 64:ff9b::/96, RFC 6052 well-known NAT64 prefix.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.subarray(4, 12).every((x) => x === 0)) {
    return { ipv4: bytesToIpv4(b, 12), via: "NAT64 64:ff9b::/96" };
  }
  // 2002::/16, RFC 3056 6to4: bits 16-47 are the IPv4 address of the tunnel end point.
  if (b[0] === 0x20 && b[1] === 0x02) {
    return { ipv4: bytesToIpv4(b, 2), via: "6to4 2002::/16" };
  }
  // ::/96 minus ::/127, RFC 4291 deprecated IPv4-compatible addresses: stacks that still honour them tunnel to the IPv4 host.
  if (zeroUntil(12) && !(b[12] === 0 && b[13] === 0 && b[14] === 0 && b[15] <= 1)) {
    return { ipv4: bytesToIpv4(b, 12), via: "IPv4-compatible ::/96" };
  }
  return null;
}
