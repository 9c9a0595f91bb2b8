/**
 * UDP reflection: a service that answers a small spoofed request with a large reply turns the
 * asset into a DDoS weapon against third parties. Factors are the bandwidth amplification factors
 * published by US-CERT (TA14-017A, upper bound where a range is given).
 */
import { AMPLIFICATION_SEVERITY_BANDS, EXTRA_DEDUCTION } from "./policy";
import type { Severity } from "./types";

/** Keyed by grading rule id. */
export const AMPLIFICATION_FACTORS: Readonly<Record<string, number>> = {
  memcache: 51000,
  ntp: 556.9,
  chargen: 358.8,
  qotd: 140.3,
  rip: 131.24,
  ldap: 70, // CLDAP
  tftp: 60,
  "dns-open-resolver": 54,
  upnp: 30.8, // SSDP
  rpcbind: 28,
  mdns: 10,
  snmp: 6.3, // SNMPv2 GetBulk
  netbios: 3.8,
};

export interface Amplification {
  factor: number;
  /** Lowest severity a reflector of this factor gets. */
  severity: Severity;
  /** Extra points on top of the severity's base deduction. */
  points: number;
}

export function amplificationFor(ruleId: string): Amplification | null {
  const factor = AMPLIFICATION_FACTORS[ruleId];
  if (factor === undefined) return null;
  const band = AMPLIFICATION_SEVERITY_BANDS.find((b) => factor >= b.minFactor);
  return {
    factor,
    severity: band?.severity ?? "low",
    points: Math.round(EXTRA_DEDUCTION.amplificationPerDecade * Math.log10(factor)),
  };
}
