import type { PortResult, TlsInfo } from "@/lib/scanner";

/**
 * What the generated history exposes: services as the scanner reports them, with weights for today
 * (`now`) and for the past (`past`, riskier: the history shows exposures that were fixed since).
 */
export interface ServiceProfile {
  id: string;
  port: number;
  protocol: "tcp" | "udp";
  now: number;
  past: number;
  make: (hostname: string, at: Date) => Omit<PortResult, "target" | "ip" | "port" | "protocol">;
}

const DAY = 86_400_000;

function cert(
  hostname: string,
  at: Date,
  options: { selfSigned?: boolean; expired?: boolean; protocol?: string } = {},
): TlsInfo {
  const validTo = new Date(at.getTime() + (options.expired ? -12 : 60) * DAY);
  return {
    protocol: options.protocol ?? "TLSv1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    subject: `CN=${hostname}`,
    subjectAltNames: [`DNS:${hostname}`],
    issuer: options.selfSigned ? `CN=${hostname}` : "CN=Demo Issuing CA, O=Portwatch sample data",
    validFrom: new Date(validTo.getTime() - 90 * DAY).toISOString(),
    validTo: validTo.toISOString(),
    selfSigned: options.selfSigned ?? false,
  };
}

type Service = Omit<PortResult, "target" | "ip" | "port" | "protocol">;

function service(typical: string | null, detected: string | null, extra: Partial<Service> = {}): Service {
  return {
    state: "open",
    typicalService: typical,
    pendingClassification: typical === null,
    ianaService: null,
    detectedService: detected,
    product: null,
    version: null,
    versionRevision: null,
    tls: null,
    banner: null,
    facts: {},
    ...extra,
  };
}

export const SERVICE_PROFILES: readonly ServiceProfile[] = [
  {
    id: "https",
    port: 443,
    protocol: "tcp",
    now: 30,
    past: 20,
    make: (h, at) => service("https", "https", { product: "nginx", version: "1.24.0", tls: cert(h, at) }),
  },
  {
    id: "http-redirect",
    port: 80,
    protocol: "tcp",
    now: 24,
    past: 10,
    make: () => service("http", "http", { product: "nginx", facts: { redirectsToHttps: true } }),
  },
  {
    id: "http",
    port: 80,
    protocol: "tcp",
    now: 4,
    past: 10,
    make: () => service("http", "http", { product: "Apache httpd", version: "2.4.57" }),
  },
  {
    id: "ssh",
    port: 22,
    protocol: "tcp",
    now: 14,
    past: 12,
    make: () =>
      service("ssh", "ssh", { product: "OpenSSH", version: "9.2p1", banner: "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3" }),
  },
  {
    id: "smtp-starttls",
    port: 25,
    protocol: "tcp",
    now: 6,
    past: 4,
    make: (h, at) =>
      service("smtp", "smtp", { product: "Postfix", tls: cert(h, at), banner: `220 ${h} ESMTP Postfix` }),
  },
  {
    id: "smtp-plain",
    port: 25,
    protocol: "tcp",
    now: 1,
    past: 4,
    make: (h) => service("smtp", "smtp", { product: "Exim", version: "4.96", banner: `220 ${h} ESMTP Exim 4.96` }),
  },
  {
    id: "imaps",
    port: 993,
    protocol: "tcp",
    now: 4,
    past: 3,
    make: (h, at) => service("imaps", "imaps", { product: "Dovecot", tls: cert(h, at) }),
  },
  {
    id: "imap",
    port: 143,
    protocol: "tcp",
    now: 1,
    past: 4,
    make: () =>
      service("imap", "imap", {
        product: "Dovecot",
        banner: "* OK [CAPABILITY IMAP4rev1 LOGIN-REFERRALS ID ENABLE IDLE] Dovecot ready.",
      }),
  },
  {
    id: "submission",
    port: 587,
    protocol: "tcp",
    now: 3,
    past: 2,
    make: (h, at) => service("submission", "submission", { product: "Postfix", tls: cert(h, at) }),
  },
  {
    id: "https-alt-selfsigned",
    port: 8443,
    protocol: "tcp",
    now: 3,
    past: 3,
    make: (h, at) => service("https-alt", "https", { product: "Jetty", tls: cert(h, at, { selfSigned: true }) }),
  },
  {
    id: "https-expired",
    port: 443,
    protocol: "tcp",
    now: 1,
    past: 2,
    make: (h, at) =>
      service("https", "https", {
        product: "Microsoft-IIS",
        version: "10.0",
        tls: cert(h, at, { expired: true, protocol: "TLSv1.1" }),
      }),
  },
  {
    id: "ssh-on-8080",
    port: 8080,
    protocol: "tcp",
    now: 2,
    past: 2,
    make: () => service("http-alt", "ssh", { product: "OpenSSH", version: "8.4p1", banner: "SSH-2.0-OpenSSH_8.4p1" }),
  },
  {
    id: "http-alt",
    port: 8080,
    protocol: "tcp",
    now: 3,
    past: 4,
    make: () => service("http-alt", "http", { product: "Apache Tomcat", version: "9.0.83" }),
  },
  {
    id: "mysql",
    port: 3306,
    protocol: "tcp",
    now: 2,
    past: 5,
    make: () =>
      service("mysql", "mysql", {
        product: "MariaDB",
        version: "10.11.6",
        banner: "J\\x00\\x00\\x00\\x0a5.5.5-10.11.6-MariaDB-0+deb12u1",
      }),
  },
  {
    id: "postgresql",
    port: 5432,
    protocol: "tcp",
    now: 1,
    past: 4,
    make: () => service("postgresql", "postgresql", { product: "PostgreSQL" }),
  },
  {
    id: "redis",
    port: 6379,
    protocol: "tcp",
    now: 1,
    past: 4,
    make: () => service("redis", "redis", { product: "Redis", version: "7.0.15" }),
  },
  {
    id: "mongodb",
    port: 27017,
    protocol: "tcp",
    now: 0.3,
    past: 2,
    make: () => service("mongodb", "mongodb", { product: "MongoDB", version: "6.0.13" }),
  },
  {
    id: "elasticsearch",
    port: 9200,
    protocol: "tcp",
    now: 0.3,
    past: 2,
    make: () => service("wap-wsp", "elasticsearch", { product: "Elasticsearch", version: "7.17.9" }),
  },
  {
    id: "memcached",
    port: 11211,
    protocol: "tcp",
    now: 0.2,
    past: 1.5,
    make: () => service("memcache", "memcache", { product: "memcached", version: "1.6.21" }),
  },
  {
    id: "rdp",
    port: 3389,
    protocol: "tcp",
    now: 0.5,
    past: 3,
    make: () => service("ms-wbt-server", "ms-wbt-server", { product: "Microsoft Terminal Services" }),
  },
  {
    id: "vnc",
    port: 5900,
    protocol: "tcp",
    now: 0.3,
    past: 2,
    make: () => service("rfb", "rfb", { version: "3.8", banner: "RFB 003.008" }),
  },
  {
    id: "smb",
    port: 445,
    protocol: "tcp",
    now: 0.2,
    past: 2,
    make: () => service("microsoft-ds", "microsoft-ds", { product: "Samba" }),
  },
  {
    id: "telnet",
    port: 23,
    protocol: "tcp",
    now: 0.2,
    past: 2,
    make: () => service("telnet", "telnet", { banner: "\\xff\\xfd\\x18\\xff\\xfd \\xff\\xfd#\\xff\\xfd'" }),
  },
  {
    id: "ftp",
    port: 21,
    protocol: "tcp",
    now: 1,
    past: 3,
    make: () => service("ftp", "ftp", { product: "vsftpd", version: "3.0.3", banner: "220 (vsFTPd 3.0.3)" }),
  },
  {
    id: "dns",
    port: 53,
    protocol: "udp",
    now: 3,
    past: 2,
    make: () =>
      service("domain", "domain", { product: "BIND", version: "9.18.24", facts: { recursionAvailable: false } }),
  },
  {
    id: "dns-open-resolver",
    port: 53,
    protocol: "udp",
    now: 0.4,
    past: 2,
    make: () =>
      service("domain", "domain", { product: "dnsmasq", version: "2.89", facts: { recursionAvailable: true } }),
  },
  {
    id: "snmp-silent",
    port: 161,
    protocol: "udp",
    now: 1,
    past: 1,
    make: () => service("snmp", null, { state: "open|filtered" }),
  },
  { id: "ntp", port: 123, protocol: "udp", now: 1, past: 1, make: () => service("ntp", "ntp") },
  { id: "pending-high", port: 49152, protocol: "tcp", now: 2, past: 2, make: () => service(null, null) },
  {
    id: "pending-tls",
    port: 47001,
    protocol: "tcp",
    now: 1,
    past: 1,
    make: (h, at) => service(null, "https", { tls: cert(h, at, { selfSigned: true }) }),
  },
];
