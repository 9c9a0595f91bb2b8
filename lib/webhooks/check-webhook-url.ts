import net from "node:net";
import { parseCidrList, resolveTarget, TargetRefusedError } from "@/lib/scanner";

/** Where one delivery connects: the URL, and the address its host resolved to that the policy accepted. */
export interface WebhookTarget {
  url: URL;
  /** The host as the receiver expects it in Host and TLS SNI (brackets removed from IPv6 literals). */
  hostname: string;
  address: { ip: string; family: 4 | 6 };
}

export type WebhookUrlCheck =
  | { ok: true; target: WebhookTarget }
  | { ok: false; message: string; /** Worth trying again later (DNS). */ retriable: boolean };

export const REFUSED_WEBHOOK_URL_MESSAGE =
  "This URL does not resolve to a public address that Portwatch may send to. Check the host name's DNS A and AAAA records.";

/**
 * Resolves a webhook URL's host through the scanner's address policy: public addresses only, never this
 * server, never SCAN_DENIED_CIDRS; WEBHOOK_ALLOWED_CIDRS opts other ranges back in (tests: 127.0.0.0/8).
 * The delivery then connects to the returned IP literal, so a DNS answer that changes in between
 * (rebinding) cannot point it at an internal service. Plain http:// is accepted only for opted-in
 * ranges: deliveries carry exposure data and cross the internet encrypted.
 * Customers read a generic refusal (naming the ranges would make this an oracle for internal DNS);
 * the details go to the server log.
 */
export async function checkWebhookUrl(
  rawUrl: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<WebhookUrlCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, message: "This is not a valid URL.", retriable: false };
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let allowed;
  try {
    allowed = parseCidrList(env.WEBHOOK_ALLOWED_CIDRS);
    // Denied ranges (SCAN_DENIED_CIDRS) and resolvers (SCANNER_DNS_SERVERS) are the scanner's, read from env.
    const addresses = await resolveTarget(hostname, { allowedCidrs: allowed.map((r) => r.cidr), env });
    const address = addresses[0]!;
    if (url.protocol === "http:" && !inRanges(address.ip, allowed)) {
      return {
        ok: false,
        message: "Use an https:// URL: deliveries to the internet are sent encrypted.",
        retriable: false,
      };
    }
    return { ok: true, target: { url, hostname, address: { ip: address.ip, family: address.family } } };
  } catch (error) {
    if (!(error instanceof TargetRefusedError)) {
      // A broken WEBHOOK_ALLOWED_CIDRS / SCAN_DENIED_CIDRS / SCANNER_DNS_SERVERS: the operator's to fix.
      console.error("[portwatch] webhook address policy misconfigured", error);
      return { ok: false, message: "Webhooks are not configured correctly on this server.", retriable: true };
    }
    console.warn("[portwatch] webhook URL refused", { host: hostname, reason: error.reason, detail: error.message });
    return { ok: false, message: REFUSED_WEBHOOK_URL_MESSAGE, retriable: error.reason === "unresolvable" };
  }
}

function inRanges(ip: string, ranges: ReturnType<typeof parseCidrList>): boolean {
  const list = new net.BlockList();
  for (const r of ranges) list.addSubnet(r.network, r.prefix, r.family === 4 ? "ipv4" : "ipv6");
  return list.check(ip, net.isIP(ip) === 6 ? "ipv6" : "ipv4");
}
