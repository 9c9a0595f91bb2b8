import { Resolver } from "node:dns/promises";
import { VERIFICATION_TXT_LABEL, txtProves } from "./proof";

/**
 * Looks for the TXT proof at _portwatch-verification.<domain>, then at <domain>. Resolution goes through
 * c-ares with the scanner's resolvers (SCANNER_DNS_SERVERS), like the scanner's own lookups.
 */
export async function checkDnsTxt(
  domain: string,
  token: string,
  options: { dnsServers: readonly string[]; timeoutMs?: number },
): Promise<boolean> {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2_000, tries: 2 });
  if (options.dnsServers.length > 0) resolver.setServers([...options.dnsServers]);
  try {
    for (const name of [`${VERIFICATION_TXT_LABEL}.${domain}`, domain]) {
      const records = await resolver.resolveTxt(name).catch(() => [] as string[][]);
      if (records.some((r) => txtProves(r, token))) return true;
    }
    return false;
  } finally {
    resolver.cancel();
  }
}
