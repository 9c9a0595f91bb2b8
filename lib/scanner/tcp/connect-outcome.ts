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

const LOCAL_RESOURCE = new Set(["EMFILE", "ENFILE", "EADDRNOTAVAIL", "ENOBUFS", "ENOMEM", "EAGAIN", "EADDRINUSE"]);
const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EACCES", "EPERM", "EHOSTDOWN", "ENETDOWN", "ENONET"]);

export function outcomeOfError(code: string): ConnectOutcome {
  if (code === "ECONNREFUSED" || code === "ECONNRESET") return "closed";
  if (LOCAL_RESOURCE.has(code)) return "local-resource";
  if (UNREACHABLE.has(code)) return "unreachable";
  return "silent";
}

const NAME_OF_ERRNO = new Map<number, string>(
  Object.entries(os.constants.errno).map(([name, value]) => [value, name]),
);

/** libuv reports errors as negated errno values. */
export function errnoName(status: number): string {
  return NAME_OF_ERRNO.get(-status) ?? `E${-status}`;
}
