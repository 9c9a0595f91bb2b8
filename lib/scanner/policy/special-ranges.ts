/**
 * Address ranges the scanner must never touch unless an operator opts them back in.
 * Source: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890 and updates), plus
 * multicast, broadcast and the cloud metadata address, which the registry lists elsewhere.
 * Ranges IANA marks "globally reachable" (AS112, AMT anycast) are deliberately absent.
 * IPv4-mapped, NAT64 and 6to4 IPv6 ranges are not here: they are judged by the IPv4 address they embed.
 */
export interface SpecialRange {
  cidr: string;
  description: string;
}

export const SPECIAL_IPV4_RANGES: readonly SpecialRange[] = [
  { cidr: "0.0.0.0/8", description: '"this network", RFC 791' },
  { cidr: "10.0.0.0/8", description: "private network, RFC 1918" },
  { cidr: "100.64.0.0/10", description: "carrier-grade NAT shared space, RFC 6598" },
  { cidr: "127.0.0.0/8", description: "loopback, RFC 1122" },
  { cidr: "169.254.169.254/32", description: "cloud instance metadata service (link-local)" },
  { cidr: "169.254.0.0/16", description: "link-local, RFC 3927" },
  { cidr: "172.16.0.0/12", description: "private network, RFC 1918" },
  { cidr: "192.0.0.0/24", description: "IETF protocol assignments, RFC 6890" },
  { cidr: "192.0.2.0/24", description: "documentation TEST-NET-1, RFC 5737" },
  { cidr: "192.88.99.0/24", description: "6to4 relay anycast, RFC 7526" },
  { cidr: "192.168.0.0/16", description: "private network, RFC 1918" },
  { cidr: "198.18.0.0/15", description: "benchmarking, RFC 2544" },
  { cidr: "198.51.100.0/24", description: "documentation TEST-NET-2, RFC 5737" },
  { cidr: "203.0.113.0/24", description: "documentation TEST-NET-3, RFC 5737" },
  { cidr: "224.0.0.0/4", description: "multicast, RFC 5771" },
  { cidr: "255.255.255.255/32", description: "limited broadcast, RFC 919" },
  { cidr: "240.0.0.0/4", description: "reserved for future use, RFC 1112" },
];

export const SPECIAL_IPV6_RANGES: readonly SpecialRange[] = [
  { cidr: "::/128", description: "unspecified address, RFC 4291" },
  { cidr: "::1/128", description: "loopback, RFC 4291" },
  { cidr: "64:ff9b:1::/48", description: "local-use NAT64, RFC 8215" },
  { cidr: "100::/64", description: "discard-only, RFC 6666" },
  { cidr: "2001:db8::/32", description: "documentation, RFC 3849" },
  { cidr: "2001::/23", description: "IETF protocol assignments (Teredo, ORCHID, ...), RFC 2928" },
  { cidr: "3fff::/20", description: "documentation, RFC 9637" },
  { cidr: "5f00::/16", description: "SRv6 segment identifiers, RFC 9602" },
  { cidr: "fc00::/7", description: "unique local addresses, RFC 4193" },
  { cidr: "fe80::/10", description: "link-local, RFC 4291" },
  { cidr: "fec0::/10", description: "site-local (deprecated), RFC 3879" },
  { cidr: "ff00::/8", description: "multicast, RFC 4291" },
];

/** Everything routable on the IPv6 internet today lies in 2000::/3 (RFC 4291 global unicast). */
export const IPV6_GLOBAL_UNICAST: SpecialRange = {
  cidr: "2000::/3",
  description: "global unicast, RFC 4291",
};
