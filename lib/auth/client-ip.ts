import net from "node:net";

/**
 * The address a sign-in comes from, for the per-IP limit. Next.js sets X-Forwarded-For to the socket
 * address only when the request has none, and a reverse proxy appends the address it saw. So the
 * trustworthy entry is the one added by the outermost proxy we run: the `trustedHops`-th from the
 * right (1 = directly behind one proxy, or no proxy). Entries further left are client-supplied.
 * Set TRUSTED_PROXY_HOPS to the number of proxies in front of the app.
 */
export function clientIpFromHeaders(headers: Headers, trustedHops = trustedProxyHops()): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = forwarded.length
    ? forwarded[Math.max(0, forwarded.length - trustedHops)]
    : (headers.get("x-real-ip") ?? "");
  return normalizeIp(candidate ?? "");
}

function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}

/** Canonical text of an address ("unknown" when there is none), so one client is one key. */
export function normalizeIp(raw: string): string {
  let ip = raw.trim().toLowerCase();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
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
