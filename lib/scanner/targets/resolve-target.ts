import { Resolver } from "node:dns/promises";
import { AddressPolicy } from "../policy/address-policy";
import { TargetRefusedError, type RefusedAddress, type ResolvedAddress } from "../types";
import { parseDnsServers } from "./dns-servers";
import { parseTarget } from "./parse-target";

export interface ResolveTargetOptions {
  /** Resolver addresses ("127.0.0.1:5353", "[::1]:53"); default SCANNER_DNS_SERVERS, else the system's. */
  dnsServers?: readonly string[];
  /** Ranges opted back in despite the policy; default SCAN_ALLOWED_CIDRS. */
  allowedCidrs?: readonly string[];
  /** Ranges never scanned, whatever else allows them; default SCAN_DENIED_CIDRS. */
  deniedCidrs?: readonly string[];
  /** Also resolve the www. host and the MX hosts of a domain. */
  discovery?: boolean;
  dnsTimeoutMs?: number;
  /** Told about each address dropped by the policy while other addresses remain scannable. */
  onRefusedAddress?: (refused: RefusedAddress) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Expected "no such record" answers; anything else (timeout, refused) is a resolver failure. */
const EMPTY_ANSWER = new Set(["ENODATA", "ENOTFOUND", "NOTFOUND", "ENONAME"]);

interface Lookup {
  addresses: { ip: string; family: 4 | 6 }[];
  failures: string[];
}

/**
 * Turns a target into the exact addresses to scan. Resolution goes through c-ares (dns.Resolver),
 * never getaddrinfo, and every address passes the policy here: the scan later connects to these IP
 * literals only, so a DNS answer that changes afterwards (rebinding) cannot redirect it.
 */
export async function resolveTarget(target: string, options: ResolveTargetOptions = {}): Promise<ResolvedAddress[]> {
  const env = options.env ?? process.env;
  const parsed = parseTarget(target);
  if (!parsed.ok) throw new TargetRefusedError(target, "invalid-target", parsed.message);
  let policy: AddressPolicy;
  try {
    policy = AddressPolicy.fromOptions(options.allowedCidrs, env, options.deniedCidrs);
  } catch (error) {
    throw new TargetRefusedError(target, "invalid-target", (error as Error).message);
  }

  let candidates: ResolvedAddress[];
  if (parsed.target.kind === "ip") {
    candidates = [
      { ip: parsed.target.ip, family: parsed.target.family, hostname: parsed.target.ip, discovered: false },
    ];
  } else {
    candidates = await resolveDomain(target, parsed.target.hostname, options, env);
  }

  const accepted: ResolvedAddress[] = [];
  const refusals: RefusedAddress[] = [];
  for (const candidate of candidates) {
    const verdict = policy.check(candidate.ip);
    if (verdict.allowed) accepted.push({ ...candidate, ip: verdict.ip });
    else refusals.push({ target, hostname: candidate.hostname, ip: candidate.ip, reason: verdict.reason });
  }
  if (accepted.length === 0) {
    const what = parsed.target.kind === "ip" ? "" : `${target} resolves only to refused addresses: `;
    throw new TargetRefusedError(target, "non-public-address", what + refusals.map((r) => r.reason).join("; "));
  }
  refusals.forEach((refusal) => options.onRefusedAddress?.(refusal));
  return accepted;
}

async function resolveDomain(
  target: string,
  hostname: string,
  options: ResolveTargetOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ResolvedAddress[]> {
  let servers: string[];
  try {
    servers = parseDnsServers(options.dnsServers ?? env.SCANNER_DNS_SERVERS);
  } catch (error) {
    throw new TargetRefusedError(target, "invalid-target", (error as Error).message);
  }
  const resolver = new Resolver({ timeout: options.dnsTimeoutMs ?? 2_000, tries: 2 });
  if (servers.length > 0) resolver.setServers(servers);

  const main = await lookupHost(resolver, hostname);
  if (main.addresses.length === 0) {
    const why = main.failures.length > 0 ? `DNS lookup failed (${main.failures.join(", ")})` : "no A or AAAA records";
    throw new TargetRefusedError(target, "unresolvable", `${target} cannot be resolved: ${why}`);
  }
  const found: ResolvedAddress[] = main.addresses.map((a) => ({ ...a, hostname, discovered: false }));
  if (options.discovery) {
    for (const extra of await discoverHostnames(resolver, hostname)) {
      const lookup = await lookupHost(resolver, extra);
      found.push(...lookup.addresses.map((a) => ({ ...a, hostname: extra, discovered: true })));
    }
  }
  resolver.cancel();
  const seen = new Set<string>();
  return found.filter((a) => !seen.has(a.ip) && seen.add(a.ip));
}

async function discoverHostnames(resolver: Resolver, hostname: string): Promise<string[]> {
  const names = hostname.startsWith("www.") ? [] : [`www.${hostname}`];
  try {
    const mx = await resolver.resolveMx(hostname);
    mx.sort((a, b) => a.priority - b.priority);
    // "." is the RFC 7505 null MX: the domain accepts no mail.
    names.push(...mx.map((r) => r.exchange.toLowerCase().replace(/\.$/, "")).filter((n) => n !== ""));
  } catch {
    // A domain without MX records is ordinary; discovery is best effort.
  }
  return [...new Set(names)].filter((name) => name !== hostname);
}

async function lookupHost(resolver: Resolver, hostname: string): Promise<Lookup> {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
  const lookup: Lookup = { addresses: [], failures: [] };
  const collect = (result: PromiseSettledResult<string[]>, family: 4 | 6) => {
    if (result.status === "fulfilled") {
      lookup.addresses.push(...result.value.map((ip) => ({ ip, family })));
    } else {
      const code = (result.reason as NodeJS.ErrnoException).code ?? "error";
      if (!EMPTY_ANSWER.has(code)) lookup.failures.push(`${family === 4 ? "A" : "AAAA"}: ${code}`);
    }
  };
  collect(v4, 4);
  collect(v6, 6);
  return lookup;
}
