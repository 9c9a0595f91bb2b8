/**
 * The published severity table: which service names (IANA vocabulary plus the scanner's few
 * extensions, all lower case) get which severity, and why. docs/grading.md reproduces it.
 */
import type { Severity } from "./types";

export interface ServiceRule {
  /** Also the "kind" for diminishing returns. */
  id: string;
  label: string;
  /** Service names this rule grades. Empty for rules only reached through another rule. */
  names: readonly string[];
  severity: Severity;
  /** Why, in a customer's words; shown after "<label> reachable from the internet: ". */
  risk: string;
  /** Rules of one family are the same service in different clothes (plain/TLS, alternative ports). */
  family: string;
  /** Rule that applies instead when TLS was observed on the port (implicit TLS or STARTTLS). */
  withTls?: string;
}

type RuleSpec = Omit<ServiceRule, "family"> & { family?: string };

const DATA_STORE_RISK = "it answers without a password by default, so anyone can read, change or wipe the data";
const PASSWORD_DATABASE_RISK =
  "it asks for a password, but is exposed to password guessing and pre-authentication flaws; databases belong behind a VPN or firewall";

const SPECS: readonly RuleSpec[] = [
  // ── critical: unauthenticated by default, full control, or a mass-exploited entry point ──
  {
    id: "redis",
    label: "Redis",
    names: ["redis"],
    severity: "critical",
    risk: `${DATA_STORE_RISK}; exposed instances are routinely hijacked`,
  },
  {
    id: "memcache",
    label: "Memcached",
    names: ["memcache", "memcached"],
    severity: "critical",
    risk: "it has no authentication, so cached data leaks, and over UDP it is the strongest known DDoS amplifier",
  },
  {
    id: "mongodb",
    label: "MongoDB",
    names: ["mongodb", "mongod"],
    severity: "critical",
    risk: `${DATA_STORE_RISK}; exposed databases are wiped and ransomed in bulk`,
  },
  {
    id: "elasticsearch",
    label: "Elasticsearch",
    names: ["elasticsearch", "opensearch"],
    severity: "critical",
    risk: `${DATA_STORE_RISK}; a leading source of public data breaches`,
  },
  {
    id: "couchdb",
    label: "CouchDB",
    names: ["couchdb"],
    severity: "critical",
    risk: "versions before 3.0 answer without a password, and its admin API allows code execution",
  },
  {
    id: "cassandra",
    label: "Cassandra",
    names: ["cassandra", "cql"],
    severity: "critical",
    risk: "authentication is off by default, so anyone can read, change or wipe the data",
  },
  {
    id: "docker",
    label: "Docker Engine API without TLS",
    names: ["docker"],
    severity: "critical",
    risk: "whoever reaches it controls every container, which amounts to root on the host",
    withTls: "docker-s",
  },
  {
    id: "kubelet",
    label: "Kubernetes kubelet API",
    names: ["kubelet"],
    severity: "critical",
    risk: "it can run commands inside every pod of the node",
  },
  {
    id: "etcd",
    label: "etcd",
    names: ["etcd", "etcd-client", "etcd-server"],
    severity: "critical",
    risk: "it stores cluster state and Kubernetes secrets, often without client authentication",
  },
  {
    id: "rdp",
    label: "Remote Desktop (RDP)",
    names: ["ms-wbt-server", "rdp"],
    severity: "critical",
    risk: "the most common ransomware entry point (password spraying, pre-authentication flaws such as BlueKeep)",
  },
  {
    id: "vnc",
    label: "VNC",
    names: ["rfb", "vnc", "vnc-http"],
    severity: "critical",
    risk: "often protected by no or an 8-character password; screen and keyboard travel unencrypted",
  },
  {
    id: "smb",
    label: "SMB file sharing",
    names: ["microsoft-ds", "netbios-ssn", "smb", "cifs"],
    severity: "critical",
    risk: "never meant for the internet; exploited by WannaCry/EternalBlue and used for password attacks",
  },
  {
    id: "telnet",
    label: "Telnet",
    names: ["telnet"],
    severity: "critical",
    risk: "passwords travel in cleartext, and exposed Telnet is the main infection route of IoT botnets",
    withTls: "telnets",
  },
  {
    id: "r-services",
    label: "Berkeley r-services (rsh/rlogin/rexec)",
    names: ["shell", "login", "exec", "rsh", "rlogin", "rexec"],
    severity: "critical",
    risk: "cleartext, address-based trust that anyone can spoof",
  },
  {
    id: "x11",
    label: "X11 display server",
    names: ["x11"],
    severity: "critical",
    risk: "an open display lets anyone capture keystrokes and the screen",
  },
  {
    id: "nfs",
    label: "NFS file shares",
    names: ["nfs", "nfsd"],
    severity: "critical",
    risk: "shares are protected only by the client's claimed address and user id",
  },
  // EtherNet/IP's 2222 ("ethernet/ip-1") is left out on purpose: it is a popular alternative SSH port.
  {
    id: "ics",
    label: "Industrial control protocol",
    names: ["mbap", "modbus", "iso-tsap", "s7", "bacnet", "dnp", "dnp-sec", "iec-104", "enip", "ethernet/ip-2"],
    severity: "critical",
    risk: "these protocols have no authentication and operate physical equipment",
  },

  // ── high: authenticated but should never face the internet, or credentials in cleartext ──
  { id: "mysql", label: "MySQL/MariaDB", names: ["mysql", "mariadb"], severity: "high", risk: PASSWORD_DATABASE_RISK },
  {
    id: "postgresql",
    label: "PostgreSQL",
    names: ["postgresql", "postgres"],
    severity: "high",
    risk: PASSWORD_DATABASE_RISK,
  },
  {
    id: "mssql",
    label: "Microsoft SQL Server",
    names: ["ms-sql-s", "ms-sql-m", "mssql"],
    severity: "high",
    risk: PASSWORD_DATABASE_RISK,
  },
  {
    id: "oracle",
    label: "Oracle Database",
    names: ["oracle", "oracle-tns", "ttc", "ttc-ssl", "sql*net"],
    severity: "high",
    risk: PASSWORD_DATABASE_RISK,
  },
  { id: "db2", label: "IBM Db2", names: ["ibm-db2", "db2"], severity: "high", risk: PASSWORD_DATABASE_RISK },
  { id: "neo4j", label: "Neo4j", names: ["neo4j"], severity: "high", risk: PASSWORD_DATABASE_RISK },
  {
    id: "zookeeper",
    label: "ZooKeeper",
    names: ["zookeeper"],
    severity: "high",
    risk: "it usually answers without authentication and reveals cluster configuration",
  },
  {
    id: "docker-s",
    label: "Docker Engine API over TLS",
    names: ["docker-s"],
    family: "docker",
    severity: "high",
    risk: "safe only with client certificates, and one misconfiguration gives root on the host",
  },
  {
    id: "ftp",
    label: "FTP",
    names: ["ftp", "ftp-data"],
    severity: "high",
    risk: "passwords and files travel in cleartext, and anonymous access often leaks files",
    withTls: "ftps",
  },
  {
    id: "ldap",
    label: "LDAP without TLS",
    names: ["ldap", "msft-gc"],
    severity: "high",
    risk: "directory data and bind passwords travel in cleartext, anonymous binds leak users, and over UDP (CLDAP) it amplifies DDoS traffic",
    withTls: "ldaps",
  },
  {
    id: "snmp",
    label: "SNMP",
    names: ["snmp", "snmptrap"],
    severity: "high",
    risk: "guessable community strings reveal or change device configuration, without encryption in v1/v2c",
  },
  {
    id: "rpcbind",
    label: "RPC portmapper",
    names: ["sunrpc", "rpcbind", "portmap", "portmapper"],
    severity: "high",
    risk: "it lists internal RPC services (NFS, NIS) and amplifies UDP traffic",
  },
  {
    id: "msrpc",
    label: "Windows RPC endpoint mapper",
    names: ["epmap", "msrpc", "loc-srv"],
    severity: "high",
    risk: "it enumerates Windows services and has a long record of remote exploits",
  },
  {
    id: "netbios",
    label: "NetBIOS name/datagram service",
    names: ["netbios-ns", "netbios-dgm"],
    severity: "high",
    risk: "it reveals host and domain names and belongs to the Windows file-sharing stack",
  },
  {
    id: "tftp",
    label: "TFTP",
    names: ["tftp"],
    severity: "high",
    risk: "it has no authentication at all, so anyone can download (often device configurations) or upload files",
  },
  {
    id: "rsync",
    label: "rsync daemon",
    names: ["rsync"],
    severity: "high",
    risk: "modules are often readable without a password",
  },
  {
    id: "pptp",
    label: "PPTP VPN",
    names: ["pptp"],
    severity: "high",
    risk: "its MS-CHAPv2 authentication has been broken since 2012",
  },
  {
    id: "upnp",
    label: "UPnP/SSDP",
    names: ["ssdp", "upnp"],
    severity: "high",
    risk: "it describes internal devices, can open firewall ports, and amplifies UDP traffic",
  },
  {
    id: "ws-discovery",
    label: "WS-Discovery",
    names: ["ws-discovery"],
    severity: "high",
    risk: "a local-network discovery protocol that reveals devices and amplifies UDP traffic",
  },
  {
    id: "winrm",
    label: "Windows Remote Management over HTTP",
    names: ["wsman", "winrm"],
    severity: "high",
    risk: "it gives remote PowerShell to anyone with a password, the target of password spraying",
    withTls: "winrm-tls",
  },
  {
    id: "ipmi",
    label: "IPMI/BMC",
    names: ["asf-rmcp", "ipmi"],
    severity: "high",
    risk: "it leaks password hashes by design (RAKP) and controls the hardware below the operating system",
  },
  {
    id: "mqtt",
    label: "MQTT without TLS",
    names: ["mqtt"],
    severity: "high",
    risk: "brokers often accept anonymous clients, and messages and passwords travel in cleartext",
    withTls: "mqtt-tls",
  },
  {
    id: "chargen",
    label: "CharGEN",
    names: ["chargen"],
    severity: "high",
    risk: "an obsolete test service whose only use today is DDoS reflection",
  },
  {
    id: "qotd",
    label: "Quote of the Day",
    names: ["qotd"],
    severity: "high",
    risk: "an obsolete service whose main use today is DDoS reflection",
  },
  {
    id: "rip",
    label: "RIP routing",
    names: ["router", "rip"],
    severity: "high",
    risk: "routing updates should never be accepted from the internet, and RIPv1 amplifies UDP traffic",
  },
  {
    id: "dns-open-resolver",
    label: "Open DNS resolver",
    names: [],
    family: "dns",
    severity: "high",
    risk: "it resolves names for anyone: abused for DDoS amplification and cache poisoning",
  },
  {
    id: "telnets",
    label: "Telnet over TLS",
    names: ["telnets"],
    family: "telnet",
    severity: "high",
    risk: "remote shell logins by password belong behind a VPN",
  },

  // ── medium: legitimate but a standing target, or cleartext mail ──
  {
    id: "ssh",
    label: "SSH",
    names: ["ssh"],
    severity: "medium",
    risk: "a strong protocol, but a constant target of password guessing; allow keys only or restrict source addresses",
  },
  {
    id: "smtp",
    label: "SMTP without STARTTLS",
    names: ["smtp"],
    severity: "medium",
    risk: "mail to and from this server travels in cleartext",
    withTls: "smtp-starttls",
  },
  {
    id: "submission",
    label: "Mail submission without TLS",
    names: ["submission"],
    family: "smtp",
    severity: "medium",
    risk: "mail passwords and messages travel in cleartext",
    withTls: "submissions",
  },
  {
    id: "pop3",
    label: "POP3 without TLS",
    names: ["pop3"],
    severity: "medium",
    risk: "mail passwords and messages travel in cleartext",
    withTls: "pop3s",
  },
  {
    id: "imap",
    label: "IMAP without TLS",
    names: ["imap", "imap4", "imap2"],
    severity: "medium",
    risk: "mail passwords and messages travel in cleartext",
    withTls: "imaps",
  },
  {
    id: "ftps",
    label: "FTP over TLS",
    names: ["ftps", "ftps-data"],
    family: "ftp",
    severity: "medium",
    risk: "encrypted, but a password login to files that is better offered as SFTP or HTTPS",
  },
  {
    id: "ldaps",
    label: "LDAP over TLS",
    names: ["ldaps", "msft-gc-ssl"],
    family: "ldap",
    severity: "medium",
    risk: "encrypted, but the organisation's directory should not be reachable by everyone",
  },
  {
    id: "winrm-tls",
    label: "Windows Remote Management over HTTPS",
    names: ["wsmans"],
    family: "winrm",
    severity: "medium",
    risk: "encrypted, but remote PowerShell by password is a password-spraying target",
  },
  {
    id: "mqtt-tls",
    label: "MQTT over TLS",
    names: ["secure-mqtt", "mqtts"],
    family: "mqtt",
    severity: "medium",
    risk: "encrypted, but brokers often accept anonymous clients",
  },
  {
    id: "amqp",
    label: "AMQP message broker",
    names: ["amqp", "amqps"],
    severity: "medium",
    risk: "message brokers are internal plumbing; default accounts (guest) are common",
  },
  {
    id: "socks",
    label: "SOCKS proxy",
    names: ["socks"],
    severity: "medium",
    risk: "an open proxy lets others relay attacks through your address",
  },
  {
    id: "rtsp",
    label: "RTSP video stream",
    names: ["rtsp"],
    severity: "medium",
    risk: "typical of IP cameras, which often keep default passwords",
  },
  {
    id: "mdns",
    label: "Multicast DNS",
    names: ["mdns"],
    severity: "medium",
    risk: "a local-network protocol that reveals device names and amplifies UDP traffic",
  },
  {
    id: "bgp",
    label: "BGP",
    names: ["bgp"],
    severity: "medium",
    risk: "a router's session port should accept only its configured peers",
  },

  // ── low: an authenticated login surface or cleartext web ──
  {
    id: "http",
    label: "HTTP without redirect to HTTPS",
    names: ["http", "http-alt", "www-http", "www", "webcache", "http-proxy"],
    family: "web",
    severity: "low",
    risk: "pages and any form data travel in cleartext",
    withTls: "https",
  },
  {
    id: "submissions",
    label: "Mail submission over TLS",
    names: ["submissions", "smtps"],
    family: "smtp",
    severity: "low",
    risk: "encrypted, but a password login that attracts password spraying",
  },
  {
    id: "pop3s",
    label: "POP3 over TLS",
    names: ["pop3s"],
    family: "pop3",
    severity: "low",
    risk: "encrypted, but a password login that attracts password spraying",
  },
  {
    id: "imaps",
    label: "IMAP over TLS",
    names: ["imaps"],
    family: "imap",
    severity: "low",
    risk: "encrypted, but a password login that attracts password spraying",
  },
  {
    id: "ntp",
    label: "NTP",
    names: ["ntp"],
    severity: "low",
    risk: "a time service; over UDP its monlist command is a strong DDoS amplifier",
  },
  {
    id: "tls-unknown",
    label: "Unidentified service over TLS",
    names: ["tls"],
    severity: "low",
    risk: "encrypted, but what runs inside could not be identified",
  },

  // ── info: expected public services ──
  {
    id: "https",
    label: "HTTPS",
    names: ["https", "pcsync-https", "tungsten-https", "https-alt"],
    family: "web",
    severity: "info",
    risk: "encrypted web service, expected for a public site",
  },
  {
    id: "http-redirect",
    label: "HTTP redirecting to HTTPS",
    names: [],
    family: "web",
    severity: "info",
    risk: "it only sends visitors to the encrypted site",
  },
  {
    id: "smtp-starttls",
    label: "SMTP with STARTTLS",
    names: [],
    family: "smtp",
    severity: "info",
    risk: "needed to receive mail, and it offers encryption",
  },
  {
    id: "dns",
    label: "DNS",
    names: ["domain", "domain-s"],
    severity: "info",
    risk: "an authoritative name server is a required public service",
  },
  {
    id: "vpn",
    label: "VPN gateway",
    names: ["isakmp", "ipsec-nat-t", "openvpn", "wireguard"],
    severity: "info",
    risk: "an encrypted, authenticated gateway is the intended way in",
  },
];

/** Used for a named service with no rule of its own. */
export const OTHER_SERVICE_RULE: ServiceRule = {
  id: "other",
  label: "Unrecognised service",
  names: [],
  family: "other",
  severity: "low",
  risk: "no specific risk is known to this method, but every reachable service is attack surface",
};

/** Used when neither the port's answer nor its registration names a service. */
export const PENDING_RULE: ServiceRule = {
  id: "pending",
  label: "Unclassified service",
  names: [],
  family: "pending",
  severity: "medium",
  risk: "it answers but its service is not identified yet; unknown services are graded medium until classified",
};

export const SERVICE_RULES: readonly ServiceRule[] = SPECS.map((s) => ({ ...s, family: s.family ?? s.id }));
