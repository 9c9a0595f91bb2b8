import { domainToASCII } from "node:url";
import { positiveIntEnv } from "@/lib/env/positive-int-env";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The public security test's abuse controls and scan, from the environment (README "Public security
 * test"). Read on each use so an operator's change applies after a restart, and tests can set them.
 */
export function securityTestSettings(env: Record<string, string | undefined> = process.env) {
  const int = (name: string, fallback: number) => positiveIntEnv(name, fallback, env);
  return {
    /** New tests per visitor address per hour (SECURITY_TEST_LIMIT_PER_IP). */
    perIpPerHour: int("SECURITY_TEST_LIMIT_PER_IP", 5),
    /** New tests of one domain per 24 hours (SECURITY_TEST_LIMIT_PER_DOMAIN); answers from the cache are free. */
    perDomainPerDay: int("SECURITY_TEST_LIMIT_PER_DOMAIN", 6),
    /** Tests queued or running at once for everyone (SECURITY_TEST_MAX_CONCURRENT). */
    maxConcurrent: int("SECURITY_TEST_MAX_CONCURRENT", 3),
    /** A domain's result is shown again, without a new scan, for this long. */
    cacheMs: HOUR_MS,
    /** A test not finished after this long no longer holds a concurrency slot (its run has died). */
    staleAfterMs: 10 * MINUTE_MS,
    /** TCP ports of the light scan (SECURITY_TEST_PORTS), default the top 100; never UDP. */
    ports: (env.SECURITY_TEST_PORTS ?? "").trim() || "top-100",
    /** Domains never tested, each with its subdomains (SECURITY_TEST_OPT_OUT, comma- or space-separated). */
    optOut: parseOptOutList(env.SECURITY_TEST_OPT_OUT),
    /** Proof-of-work difficulty: key derivations per attempt and the largest number of attempts. */
    powCost: int("SECURITY_TEST_POW_COST", 1000),
    powMaxCounter: int("SECURITY_TEST_POW_MAX_COUNTER", 2000),
    challengeTtlMs: 10 * MINUTE_MS,
    hourMs: HOUR_MS,
    dayMs: 24 * HOUR_MS,
  };
}

export type SecurityTestSettings = ReturnType<typeof securityTestSettings>;

/** Names as the asset form normalises them (lowercase punycode, no trailing dot); blanks dropped. */
export function parseOptOutList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,]+/)
    .map((d) => (domainToASCII(d.trim()) || d.trim().toLowerCase()).replace(/\.$/, ""))
    .filter(Boolean);
}

/** Whether `domain` (normalised) is on the operator's list, itself or as a subdomain of a listed name. */
export function isOptedOut(domain: string, optOut: readonly string[]): boolean {
  return optOut.some((listed) => domain === listed || domain.endsWith(`.${listed}`));
}
