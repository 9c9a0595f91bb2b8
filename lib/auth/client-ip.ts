import net from "node:net";
import { SOCKET_ADDRESS_HEADER } from "./socket-address";

/**
 * The address a request comes from, for per-address limits. By default that is the TCP peer (the
 * socket address, see socket-address.ts): X-Forwarded-For and X-Real-IP are written by the client
 * unless a proxy we run overwrites them, so they are ignored. Behind reverse proxies set
 * TRUSTED_PROXY_HOPS to their number: each appends the address it saw, so the entry the outermost one
 * added is the `hops`-th from the right; entries further left are client-supplied.
 */
export function clientIpFromHeaders(headers: Headers, trustedHops = trustedProxyHops()): string {
  const socket = headers.get(SOCKET_ADDRESS_HEADER) ?? "";
  if (trustedHops === 0) return normalizeIp(socket);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // A request that reached the app without passing the proxies carries no entry of theirs.
  const candidate = forwarded.length ? forwarded[Math.max(0, forwarded.length - trustedHops)] : socket;
  return normalizeIp(candidate ?? "");
}

/** TRUSTED_PROXY_HOPS: unset or 0 → no proxy; 1–10 proxies; anything else is a configuration error. */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${value}"`);
  return n;
}

/** Canonical text of an address ("unknown" when there is none), so one client is one key. */
export function normalizeIp(raw: string): string {
  let ip = raw.trim().toLowerCase();
  if (ip.startsWith("[") && ip.includes("]"))
    ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":")); // v4:port
  if (ip.startsWith("::ffff:") && net.isIPv4(ip.slice(7))) ip = ip.slice(7);
  const version = net.isIP(ip);
  if (version === 4) return ip;
  if (version === 6) return ipv6Network64(ip);
  return "unknown";
}

/**
 * One IPv6 client usually holds a whole /64, so rotating through it must not reset the limit: v6
 * addresses are keyed by their /64 network.
 */
function ipv6Network64(ip: string): string {
  const [head = "", tail] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill("0"), ...tailGroups];
  const prefix = groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
