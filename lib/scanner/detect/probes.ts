/**
 * Probes for services that wait for the client, and their order for a given port: the
 * protocols registered for the port's typical service first, then the others, most common first
 * (HTTP, then TLS: nmap finds ~40% of its matches with a plain GET; LZR finds most of the rest
 * behind TLS). Services that speak first need no probe: the greeting wait catches them.
 */
import type { Endpoint } from "./connection";
import type { ProtocolId } from "./types";
import { protocolsForService } from "./service-names";
import { PING } from "./protocols/redis";
import { VERSION_COMMAND } from "./protocols/memcached";
import { SSL_REQUEST } from "./protocols/postgresql";
import { HELLO } from "./protocols/mongodb";
import { ROOT_DSE_SEARCH } from "./protocols/ldap";
import { VERSION_BIND_QUERY } from "./protocols/dns";
import { CONNECTION_REQUEST } from "./protocols/rdp";
import { NEGOTIATE } from "./protocols/smb";
import { PRELOGIN } from "./protocols/mssql";
import { CONNECT } from "./protocols/mqtt";
import { PROTOCOL_HEADER } from "./protocols/amqp";

export interface PlainProbe {
  kind: "plain";
  protocol: ProtocolId;
  payload: (endpoint: Endpoint) => Buffer;
  /** Ends the wait as soon as the reply is known to be whole. */
  complete?: (reply: Buffer) => boolean;
}

export type Probe = PlainProbe | { kind: "tls" };

function hostHeader({ ip, port, family }: Endpoint): string {
  return family === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const HTTP_PROBE: PlainProbe = {
  kind: "plain",
  protocol: "http",
  payload: (endpoint) =>
    Buffer.from(
      `GET / HTTP/1.1\r\nHost: ${hostHeader(endpoint)}\r\nUser-Agent: portwatch\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
      "latin1",
    ),
};

const fixed = (protocol: ProtocolId, bytes: Buffer): PlainProbe => ({ kind: "plain", protocol, payload: () => bytes });

/**
 * Default order after the typical service's own probes. PING goes before the TLS handshake: text
 * servers often wait silently for the rest of a ClientHello (Redis does, until the handshake
 * times out), while TLS servers reject a cleartext PING at once; memcached answers it too.
 */
const DEFAULT_ORDER: readonly Probe[] = [
  HTTP_PROBE,
  fixed("redis", PING),
  { kind: "tls" },
  fixed("postgresql", SSL_REQUEST),
  fixed("mongodb", HELLO),
  fixed("ldap", ROOT_DSE_SEARCH),
  fixed("rdp", CONNECTION_REQUEST),
  fixed("smb", NEGOTIATE),
  fixed("mssql", PRELOGIN),
  fixed("dns", VERSION_BIND_QUERY),
  fixed("mqtt", CONNECT),
  fixed("amqp", PROTOCOL_HEADER),
  fixed("memcached", VERSION_COMMAND),
];

const TLS_PROBE = DEFAULT_ORDER.find((probe) => probe.kind === "tls")!;

function probeFor(protocol: ProtocolId): Probe | undefined {
  // Elasticsearch and Docker are HTTP; every other protocol without a probe speaks first.
  const wanted = protocol === "elasticsearch" || protocol === "docker" ? "http" : protocol;
  return DEFAULT_ORDER.find((probe) => probe.kind === "plain" && probe.protocol === wanted);
}

/** A fresh, mutable queue of probes for a port whose typical service is `typical`. */
export function probeOrder(typical: string | null): Probe[] {
  const first: Probe[] = [];
  for (const { protocol, overTls } of typical === null ? [] : protocolsForService(typical)) {
    const probe = overTls ? TLS_PROBE : probeFor(protocol);
    if (probe && !first.includes(probe)) first.push(probe);
  }
  return [...first, ...DEFAULT_ORDER.filter((probe) => !first.includes(probe))];
}
