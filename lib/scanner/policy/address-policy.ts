import { blockListOf, listContains, parseCidr, parseCidrList, type ParsedCidr } from "./cidr-list";
import { embeddedIpv4 } from "./embedded-ipv4";
import { canonicalIp, ipFamily } from "./ip-address";
import { IPV6_GLOBAL_UNICAST, SPECIAL_IPV4_RANGES, SPECIAL_IPV6_RANGES, type SpecialRange } from "./special-ranges";

export type PolicyVerdict =
  | { allowed: true; ip: string; family: 4 | 6 }
  | { allowed: false; ip: string; range: string; reason: string };

interface CompiledRange extends SpecialRange {
  list: ReturnType<typeof blockListOf>;
}

const compile = (ranges: readonly SpecialRange[]): CompiledRange[] =>
  ranges.map((range) => ({ ...range, list: blockListOf([parseCidr(range.cidr)]) }));

const IPV4_REFUSED = compile(SPECIAL_IPV4_RANGES);
const IPV6_REFUSED = compile(SPECIAL_IPV6_RANGES);
const IPV6_GLOBAL = blockListOf([parseCidr(IPV6_GLOBAL_UNICAST.cidr)]);

/**
 * Decides whether the scanner may connect to one IP address. Only global unicast addresses pass,
 * unless the operator opted a range back in (allowedCidrs / SCAN_ALLOWED_CIDRS).
 */
export class AddressPolicy {
  private readonly allowed: ReturnType<typeof blockListOf>;

  constructor(readonly allowedCidrs: readonly ParsedCidr[] = []) {
    this.allowed = blockListOf(allowedCidrs);
  }

  /** Ranges from the option when given, else from SCAN_ALLOWED_CIDRS. */
  static fromOptions(allowedCidrs?: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): AddressPolicy {
    const ranges = allowedCidrs ? allowedCidrs.map(parseCidr) : parseCidrList(env.SCAN_ALLOWED_CIDRS);
    return new AddressPolicy(ranges);
  }

  check(ipText: string): PolicyVerdict {
    const family = ipFamily(ipText);
    if (!family) {
      return { allowed: false, ip: ipText, range: "", reason: `${ipText} is not an IP address` };
    }
    const ip = canonicalIp(ipText);
    if (listContains(this.allowed, ip)) return { allowed: true, ip, family };
    if (family === 4) return this.judgeIpv4(ip, ip, "");

    const embedded = embeddedIpv4(ip);
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
    if (listContains(this.allowed, ipv4)) return { allowed: true, ip, family };
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
