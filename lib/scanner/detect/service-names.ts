/**
 * Detected protocol → IANA service name, so that detected and typical services compare directly.
 *
 * Each protocol lists the IANA service names it is registered under, plain and inside TLS; the
 * first is the default. When the port's own registration (its typical service) is one of them,
 * that name wins: SMTP on 587 is `submission`, on 25 `smtp`.
 *
 * EXTENSIONS to the IANA vocabulary (protocols IANA has no service name for):
 * - `elasticsearch`: Elasticsearch / OpenSearch REST API (IANA's 9200 is `wap-wsp`).
 * - `tls`: a TLS handshake completed but the protocol inside it was not recognised.
 */
import type { ProtocolId } from "./types";

interface NameSet {
  plain: readonly string[];
  /** Names registered for the protocol inside TLS; empty when IANA has none (the plain name is used). */
  tls: readonly string[];
}

const SERVICE_NAMES: Readonly<Record<ProtocolId, NameSet>> = {
  http: { plain: ["http", "http-alt"], tls: ["https"] },
  elasticsearch: { plain: ["elasticsearch"], tls: [] },
  docker: { plain: ["docker"], tls: ["docker-s"] },
  tls: { plain: ["tls"], tls: ["tls"] },
  ssh: { plain: ["ssh"], tls: [] },
  ftp: { plain: ["ftp"], tls: ["ftps"] },
  smtp: { plain: ["smtp", "submission"], tls: ["submissions"] },
  pop3: { plain: ["pop3"], tls: ["pop3s"] },
  imap: { plain: ["imap"], tls: ["imaps"] },
  telnet: { plain: ["telnet"], tls: ["telnets"] },
  mysql: { plain: ["mysql"], tls: [] },
  postgresql: { plain: ["postgresql"], tls: [] },
  redis: { plain: ["redis"], tls: [] },
  memcached: { plain: ["memcache"], tls: [] },
  mongodb: { plain: ["mongodb"], tls: [] },
  mqtt: { plain: ["mqtt"], tls: ["secure-mqtt"] },
  amqp: { plain: ["amqp"], tls: ["amqps"] },
  ldap: { plain: ["ldap", "msft-gc"], tls: ["ldaps", "msft-gc-ssl"] },
  dns: { plain: ["domain"], tls: ["domain-s"] },
  rdp: { plain: ["ms-wbt-server"], tls: [] },
  mssql: { plain: ["ms-sql-s"], tls: [] },
  smb: { plain: ["microsoft-ds", "netbios-ssn"], tls: [] },
  vnc: { plain: ["rfb"], tls: [] },
};

/** The IANA service name for a detected protocol on a port whose typical service is `typical`. */
export function serviceNameFor(protocol: ProtocolId, overTls: boolean, typical: string | null): string {
  const set = SERVICE_NAMES[protocol];
  const names = overTls && set.tls.length > 0 ? set.tls : set.plain;
  if (typical !== null && names.includes(typical)) return typical;
  return names[0]!;
}

/** All IANA names a protocol answers to (plain and TLS): used to order probes by a port's typical service. */
export function protocolsForService(typical: string): { protocol: ProtocolId; overTls: boolean }[] {
  const found: { protocol: ProtocolId; overTls: boolean }[] = [];
  for (const [protocol, names] of Object.entries(SERVICE_NAMES) as [ProtocolId, NameSet][]) {
    if (names.plain.includes(typical)) found.push({ protocol, overTls: false });
    if (names.tls.includes(typical)) found.push({ protocol, overTls: true });
  }
  return found;
}
