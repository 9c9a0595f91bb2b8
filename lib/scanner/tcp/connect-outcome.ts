import os from "node:os";

/**
 * open: handshake completed. closed: RST (ECONNREFUSED). unreachable: an ICMP error or a local
 * firewall said no: nmap reports these as filtered, and retrying will not change them.
 * local-resource: our own machine ran out of descriptors, ports or buffers: retry later, not a port state.
 */
export type ConnectOutcome = "open" | "closed" | "unreachable" | "local-resource" | "silent";

export type ConnectCallback = (outcome: ConnectOutcome, errorCode: string | null) => void;

export interface ProbeHandle {
  /** Abandons the attempt (connect timeout). The callback is not called afterwards. */
  cancel(): void;
}

export interface Connector {
  readonly name: string;
  connect(ip: string, family: 4 | 6, port: number, done: ConnectCallback): ProbeHandle;
  /** Releases sockets the connector keeps between probes. */
  dispose?(): void;
}

/**
 * A connect to a port of our own machine can complete with itself: when the kernel picks the target
 * port as the ephemeral source port, the SYN meets its own socket (TCP simultaneous open, RFC 9293
 * §3.5) and connect() succeeds although nothing listens. nmap reports such ports closed; so do we.
 */
export function isSelfConnection(local: { address?: string; port?: number }, ip: string, port: number): boolean {
  return local.port === port && local.address !== undefined && sameAddress(local.address, ip);
}

function sameAddress(a: string, b: string): boolean {
  const strip = (address: string) => address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, "");
  return strip(a) === strip(b);
}

/** Error code reported with the "closed" outcome of a self-connection. */
export const SELF_CONNECTION = "ESELFCONNECT";

const LOCAL_RESOURCE = new Set(["EMFILE", "ENFILE", "EADDRNOTAVAIL", "ENOBUFS", "ENOMEM", "EAGAIN", "EADDRINUSE"]);
const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EACCES", "EPERM", "EHOSTDOWN", "ENETDOWN", "ENONET"]);

export function outcomeOfError(code: string): ConnectOutcome {
  if (code === "ECONNREFUSED" || code === "ECONNRESET") return "closed";
  if (LOCAL_RESOURCE.has(code)) return "local-resource";
  if (UNREACHABLE.has(code)) return "unreachable";
  return "silent";
}

const NAME_OF_ERRNO = new Map<number, string>(Object.entries(os.constants.errno).map(([name, value]) => [value, name]));

/** libuv reports errors as negated errno values. */
export function errnoName(status: number): string {
  return NAME_OF_ERRNO.get(-status) ?? `E${-status}`;
}
