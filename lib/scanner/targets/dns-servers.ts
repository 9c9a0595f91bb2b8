import { ipFamily } from "../policy/ip-address";

/**
 * Parses resolver addresses as written in SCANNER_DNS_SERVERS: "127.0.0.1", "127.0.0.1:5353",
 * "::1" or "[::1]:5353". Returns them in the form dns.Resolver#setServers accepts.
 */
export function parseDnsServers(text: string | readonly string[] | undefined): string[] {
  if (text === undefined) return [];
  const parts = typeof text === "string" ? text.split(",") : [...text];
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(parseDnsServer);
}

function parseDnsServer(server: string): string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  const plain6 = !bracketed && ipFamily(server) === 6 ? [server, server, undefined] : null;
  const v4 = !bracketed && !plain6 ? /^([^:]+)(?::(\d+))?$/.exec(server) : null;
  const match = bracketed ?? plain6 ?? v4;
  const host = match?.[1];
  const portText = match?.[2];
  const family = host ? ipFamily(host) : null;
  if (!host || !family || (v4 && family !== 4)) {
    throw new Error(`invalid DNS server "${server}": expected host:port with an IP address, IPv6 as [::1]:5353`);
  }
  const port = portText === undefined ? 53 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid DNS server "${server}": port must be 1-65535`);
  }
  return family === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
