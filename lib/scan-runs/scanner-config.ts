import { parseCidrList, parseDnsServers, parsePortSpec } from "@/lib/scanner";

/** What the background scans pass to the scanner engine, read from the environment in one place. */
export interface ScannerConfig {
  /** Ranges opted back in despite the public-address policy (SCAN_ALLOWED_CIDRS, e.g. 127.0.0.0/8 in tests). */
  allowedCidrs: string[];
  /** Ranges never scanned, even inside allowedCidrs (SCAN_DENIED_CIDRS). */
  deniedCidrs: string[];
  /** Resolvers for target names (SCANNER_DNS_SERVERS); empty = the system's. */
  dnsServers: string[];
  /** TCP ports of the standard scan, for assets whose ownership is not proven (SCAN_PORTS), default top-1000. */
  ports: string;
  /** TCP ports for assets with proven ownership (SCAN_PORTS_VERIFIED), default every port. */
  verifiedPorts: string;
  /** Probe UDP on every asset (SCAN_UDP=true); otherwise only on assets whose ownership is verified. */
  udp: boolean;
}

/**
 * Whether one asset's background scan probes the standard UDP service ports (DNS, NTP, SNMP, SSDP,
 * memcached, NetBIOS, IKE: open resolvers and amplifiers are among the most serious exposures).
 * Verified assets always get them; SCAN_UDP=true extends them to every asset.
 */
export function backgroundUdp(config: Pick<ScannerConfig, "udp">, asset: { verified: boolean }): boolean {
  return config.udp || asset.verified;
}

/**
 * The TCP ports one asset's scan covers: the standard scan (SCAN_PORTS) until its ownership is
 * proven, then SCAN_PORTS_VERIFIED (lib/plans/plans.ts STANDARD_SCAN).
 */
export function scannerConfigFor(config: ScannerConfig, verified: boolean): ScannerConfig {
  return verified ? { ...config, ports: config.verifiedPorts } : config;
}

/** The port specifications new scan runs record, without validating the rest of the settings. */
export function configuredPortSpecs(env: Record<string, string | undefined> = process.env): {
  standard: string;
  verified: string;
} {
  return { standard: configuredPortSpec(env), verified: (env.SCAN_PORTS_VERIFIED ?? "").trim() || "all" };
}

export class ScannerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScannerConfigError";
  }
}

/**
 * Parses and validates the scanner settings. Throws ScannerConfigError naming the variable, so a typo
 * in the deployment fails the scan with a readable reason instead of scanning the wrong ports.
 */
export function scannerConfig(env: Record<string, string | undefined> = process.env): ScannerConfig {
  const allowedCidrs = parseOr("SCAN_ALLOWED_CIDRS", () => parseCidrList(env.SCAN_ALLOWED_CIDRS).map((r) => r.cidr));
  const deniedCidrs = parseOr("SCAN_DENIED_CIDRS", () => parseCidrList(env.SCAN_DENIED_CIDRS).map((r) => r.cidr));
  const dnsServers = parseOr("SCANNER_DNS_SERVERS", () => parseDnsServers(env.SCANNER_DNS_SERVERS));
  const { standard: ports, verified: verifiedPorts } = configuredPortSpecs(env);
  parseOr("SCAN_PORTS", () => parsePortSpec(ports));
  parseOr("SCAN_PORTS_VERIFIED", () => parsePortSpec(verifiedPorts));
  const udpText = (env.SCAN_UDP ?? "").trim().toLowerCase();
  if (!["", "true", "false", "1", "0"].includes(udpText)) {
    throw new ScannerConfigError(`SCAN_UDP must be "true" or "false", got "${env.SCAN_UDP}"`);
  }
  return { allowedCidrs, deniedCidrs, dnsServers, ports, verifiedPorts, udp: udpText === "true" || udpText === "1" };
}

function parseOr<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ScannerConfigError(`${name} is invalid: ${(error as Error).message}`);
  }
}

/** The port specification new scan runs record (SCAN_PORTS, default top-1000), without validating the rest. */
export function configuredPortSpec(env: Record<string, string | undefined> = process.env): string {
  return (env.SCAN_PORTS ?? "").trim() || "top-1000";
}
