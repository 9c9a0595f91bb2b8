import os from "node:os";
import { parseCidr, type ParsedCidr } from "./cidr-list";

/**
 * The addresses of this machine's own interfaces, as single-host ranges. Read on every policy build
 * (a few microseconds), so an interface that appears later (a new VPN, a container bridge) counts at once.
 */
export function ownInterfaceAddresses(
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): ParsedCidr[] {
  const ranges: ParsedCidr[] = [];
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      // Link-local IPv6 carries a zone ("fe80::1%eth0") that is not part of the address.
      ranges.push(parseCidr(entry.address.replace(/%.*$/, "")));
    }
  }
  return ranges;
}
