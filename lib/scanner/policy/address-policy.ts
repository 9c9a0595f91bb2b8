import { blockListOf, listContains, parseCidr, parseCidrList, type ParsedCidr } from "./cidr-list";
import { embeddedIpv4 } from "./embedded-ipv4";
import { canonicalIp, ipFamily } from "./ip-address";
import { ownInterfaceAddresses } from "./own-addresses";
import { IPV6_GLOBAL_UNICAST, SPECIAL_IPV4_RANGES, SPECIAL_IPV6_RANGES, type SpecialRange } from "./special-ranges";

export type PolicyVerdict =
  { allowed: true; ip: string; family: 4 | 6 } | { allowed: false; ip: string; range: string; reason: string };

interface CompiledRange extends SpecialRange {
  list: ReturnType<typeof blockListOf>;
}

const compile = (ranges: readonly SpecialRange[]): CompiledRange[] =>
  ranges.map((range) => ({ ...range, list: blockListOf([parseCidr(range.cidr)]) }));

const IPV4_REFUSED = compile(SPECIAL_IPV4_RANGES);
const IPV6_REFUSED = compile(SPECIAL_IPV6_RANGES);
const IPV6_GLOBAL = blockListOf([parseCidr(IPV6_GLOBAL_UNICAST.cidr)]);
/** Loopback can only ever be this host, so opting it in (tests: 127.0.0.0/8) can only mean this host. */
const LOOPBACK = blockListOf([parseCidr("127.0.0.0/8"), parseCidr("::1/128")]);

export interface AddressPolicyRanges {
  /** Opted back in although not public (SCAN_ALLOWED_CIDRS). */
  allowed?: readonly ParsedCidr[];
  /** The operator's deny list (SCAN_DENIED_CIDRS): refused whatever else says. */
  denied?: readonly ParsedCidr[];
  /** This machine's own interface addresses; default read from the operating system. */
  own?: readonly ParsedCidr[];
}

/**
 * Decides whether the scanner may connect to one IP address. Precedence, first match wins:
 *   1. SCAN_DENIED_CIDRS: refused, even inside SCAN_ALLOWED_CIDRS.
 *   2. An address of this machine's own interfaces: refused, even inside SCAN_ALLOWED_CIDRS, unless it
 *      is a loopback address opted in explicitly (that is how tests scan their loopback services).
 *   3. SCAN_ALLOWED_CIDRS: allowed.
 *   4. Special-purpose ranges (private, loopback, link-local, metadata, …): refused; all else allowed.
 */
export class AddressPolicy {
  readonly allowedCidrs: readonly ParsedCidr[];
  private readonly allowed: ReturnType<typeof blockListOf>;
  private readonly denied: ReturnType<typeof blockListOf>;
  private readonly own: ReturnType<typeof blockListOf>;

  constructor(ranges: AddressPolicyRanges = {}) {
    this.allowedCidrs = ranges.allowed ?? [];
    this.allowed = blockListOf(this.allowedCidrs);
    this.denied = blockListOf(ranges.denied ?? []);
    this.own = blockListOf(ranges.own ?? ownInterfaceAddresses());
  }

  /** Allowed ranges from the option when given, else SCAN_ALLOWED_CIDRS; denied from the option, else SCAN_DENIED_CIDRS. */
  static fromOptions(
    allowedCidrs?: readonly string[],
    env: Readonly<Record<string, string | undefined>> = process.env,
    deniedCidrs?: readonly string[],
  ): AddressPolicy {
    const allowed = allowedCidrs ? allowedCidrs.map(parseCidr) : parseCidrList(env.SCAN_ALLOWED_CIDRS);
    const denied = deniedCidrs ? deniedCidrs.map(parseCidr) : parseCidrList(env.SCAN_DENIED_CIDRS);
    return new AddressPolicy({ allowed, denied });
  }

  check(ipText: string): PolicyVerdict {
    const family = ipFamily(ipText);
    if (!family) {
      return { allowed: false, ip: ipText, range: "", reason: `${ipText} is not an IP address` };
    }
    const ip = canonicalIp(ipText);
    const embedded = family === 6 ? embeddedIpv4(ip) : null;
    const inList = (list: ReturnType<typeof blockListOf>) =>
      listContains(list, ip) || (embedded !== null && listContains(list, embedded.ipv4));
    if (inList(this.denied)) {
      return {
        allowed: false,
        ip,
        range: "SCAN_DENIED_CIDRS",
        reason: `${ip} is in the operator's deny list (SCAN_DENIED_CIDRS)`,
      };
    }
    const optedIn = inList(this.allowed);
    const verdict: PolicyVerdict = optedIn ? { allowed: true, ip, family } : this.judgeByRanges(ip, family, embedded);
    if (verdict.allowed && inList(this.own) && !(optedIn && inList(LOOPBACK))) {
      return {
        allowed: false,
        ip,
        range: "own-interface",
        reason: `${ip} is an address of the scanning server itself`,
      };
    }
    return verdict;
  }

  private judgeByRanges(ip: string, family: 4 | 6, embedded: ReturnType<typeof embeddedIpv4>): PolicyVerdict {
    if (family === 4) return this.judgeIpv4(ip, ip, "");
    if (embedded) return this.judgeIpv4(ip, embedded.ipv4, ` (${embedded.via} of ${embedded.ipv4})`, family);
    for (const range of IPV6_REFUSED) {
      if (listContains(range.list, ip)) return refuse(ip, range, "");
    }
    if (!listContains(IPV6_GLOBAL, ip)) {
      return {
        allowed: false,
        ip,
        range: IPV6_GLOBAL_UNICAST.cidr,
        reason: `${ip} is outside ${IPV6_GLOBAL_UNICAST.cidr} (${IPV6_GLOBAL_UNICAST.description}): not a public address`,
      };
    }
    return { allowed: true, ip, family };
  }

  private judgeIpv4(ip: string, ipv4: string, via: string, family: 4 | 6 = 4): PolicyVerdict {
    for (const range of IPV4_REFUSED) {
      if (listContains(range.list, ipv4)) return refuse(ip, range, via);
    }
    return { allowed: true, ip, family };
  }
}

function refuse(ip: string, range: CompiledRange, via: string): PolicyVerdict {
  return {
    allowed: false,
    ip,
    range: range.cidr,
    reason: `${ip}${via} is in ${range.cidr} (${range.description}): not a public address`,
  };
}
