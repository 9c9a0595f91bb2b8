import { dnsProbe } from "./dns";
import { ikeProbe } from "./ike";
import { memcachedProbe } from "./memcached";
import { netbiosProbe } from "./netbios";
import { ntpProbe } from "./ntp";
import { snmpProbe } from "./snmp";
import { ssdpProbe } from "./ssdp";
import type { UdpProbe, UdpProbeRound } from "./udp-probe";

export type { UdpIdentification, UdpProbe, UdpProbeRound } from "./udp-probe";

const PROBES: readonly UdpProbe[] = [dnsProbe, ntpProbe, snmpProbe, ssdpProbe, memcachedProbe, netbiosProbe, ikeProbe];

const BY_PORT = new Map(PROBES.flatMap((probe) => probe.ports.map((port) => [port, probe] as const)));

/** The ports the probes above are for: ../default-ports.ts lists them for scans that load no probe. */
export const PROBED_PORTS: readonly number[] = [...BY_PORT.keys()].sort((a, b) => a - b);

/**
 * A probe round for the port; ports without a service probe get an empty datagram, as nmap sends.
 * With `everyProbe`, every service probe goes out (for services on non-standard ports, at seven
 * datagrams per port: meant for a few ports, not for sweeping ranges).
 */
export function probeRoundFor(port: number, everyProbe = false): UdpProbeRound {
  if (everyProbe) {
    const rounds = PROBES.map((probe) => probe.build());
    return {
      packets: rounds.flatMap((round) => round.packets),
      identify: (reply) =>
        rounds.reduce<ReturnType<UdpProbeRound["identify"]>>((found, round) => found ?? round.identify(reply), null),
    };
  }
  const probe = BY_PORT.get(port);
  if (probe) return probe.build();
  return { packets: [Buffer.alloc(0)], identify: () => null };
}
