/**
 * Network safety net for every test: nothing a test runs in this process may reach past loopback
 * (or the 198.18.0.0/15 hosts that our own network-namespace tests create). Connections, UDP sends,
 * host-name lookups and DNS queries to anything else throw at once instead of leaving the machine.
 * Also points the Inngest SDK at a closed loopback port unless a test configures it, so an event sent
 * by code under test can never go to the SDK's public default endpoint.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import net from "node:net";

process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
process.env.INNGEST_EVENT_KEY ??= "test-event-key";

const allowed = new net.BlockList();
allowed.addSubnet("127.0.0.0", 8, "ipv4");
allowed.addSubnet("198.18.0.0", 15, "ipv4");
allowed.addAddress("::1", "ipv6");
allowed.addSubnet("::ffff:127.0.0.0", 104, "ipv6");

function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost");
}

type AnyFn = (...args: unknown[]) => unknown;

export function assertLocalDestination(host: string | undefined, what: string): void {
  if (host === undefined || host === "") return; // Node's own default is localhost
  const bare = host.replace(/^\[|\]$/g, "");
  const family = net.isIP(bare);
  if (family === 0 ? isLocalName(bare) : allowed.check(bare, family === 4 ? "ipv4" : "ipv6")) return;
  throw new Error(`test network guard: refused ${what} to ${host} (tests may only reach loopback)`);
}

/** Where a net.Socket#connect call goes, whichever of Node's call forms it uses. */
export function socketConnectHost(args: unknown[]): { host: string | undefined; ipc: boolean } | null {
  // net.connect() hands Socket#connect its already-normalised [options, callback] array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first && typeof first === "object") {
    const opts = first as { host?: string; path?: string };
    return { host: opts.host, ipc: Boolean(opts.path) };
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { host: typeof args[1] === "string" ? args[1] : undefined, ipc: false };
  }
  if (typeof first === "string") return { host: undefined, ipc: true }; // a pipe path
  return null;
}

export function guardSocketConnect(original: AnyFn): AnyFn {
  return function guardedConnect(this: unknown, ...args: unknown[]) {
    const target = socketConnectHost(args);
    if (target && !target.ipc) assertLocalDestination(target.host, "a TCP connection");
    return original.apply(this, args);
  };
}

net.Socket.prototype.connect = guardSocketConnect(
  net.Socket.prototype.connect as unknown as AnyFn,
) as typeof net.Socket.prototype.connect;

const originalSend = dgram.Socket.prototype.send as unknown as AnyFn;
dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
  // send(msg, [offset, length,] port, address, cb): the address is the first string after the message.
  const address = args.slice(1).find((a) => typeof a === "string") as string | undefined;
  if (address !== undefined) assertLocalDestination(address, "a UDP datagram");
  return originalSend.apply(this, args);
} as typeof dgram.Socket.prototype.send;

const originalUdpConnect = dgram.Socket.prototype.connect as unknown as AnyFn;
dgram.Socket.prototype.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]) {
  if (typeof args[1] === "string") assertLocalDestination(args[1], "a UDP connection");
  return originalUdpConnect.apply(this, args);
} as typeof dgram.Socket.prototype.connect;

const originalLookup = dns.lookup as unknown as AnyFn;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: unknown, ...rest: unknown[]) {
  if (typeof hostname === "string" && net.isIP(hostname) === 0) assertLocalDestination(hostname, "a host-name lookup");
  return originalLookup.call(dns, hostname, ...rest);
};
const originalPromiseLookup = dns.promises.lookup as unknown as AnyFn;
(dns.promises as { lookup: unknown }).lookup = function guardedPromiseLookup(hostname: unknown, ...rest: unknown[]) {
  if (typeof hostname === "string" && net.isIP(hostname) === 0) assertLocalDestination(hostname, "a host-name lookup");
  return originalPromiseLookup.call(dns.promises, hostname, ...rest);
};

// c-ares resolvers query whatever servers they hold, /etc/resolv.conf's by default.
for (const proto of [dns.Resolver.prototype, dns.promises.Resolver.prototype] as unknown as Record<string, AnyFn>[]) {
  for (const method of [
    "resolve",
    "resolve4",
    "resolve6",
    "resolveMx",
    "resolveTxt",
    "resolveAny",
    "resolveCname",
    "resolveNs",
    "resolveSrv",
    "resolvePtr",
    "resolveSoa",
    "resolveCaa",
    "resolveNaptr",
    "reverse",
  ]) {
    const original = proto[method];
    if (typeof original !== "function") continue;
    proto[method] = function guardedResolve(this: { getServers(): string[] }, ...args: unknown[]) {
      for (const server of this.getServers()) {
        const host = server.startsWith("[")
          ? server.slice(1, server.indexOf("]"))
          : server.split(":").length === 2
            ? server.split(":")[0]!
            : server;
        assertLocalDestination(host, "a DNS query");
      }
      return original.apply(this, args);
    };
  }
}
