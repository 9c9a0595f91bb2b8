import { resolveTarget, TargetRefusedError } from "@/lib/scanner";
import { failScanRun } from "./fail-scan-run";
import { refusedTargetMessage } from "./refused-target-message";
import { recordResolvedHosts, type ScanHost } from "./record-resolved-hosts";
import { retireUnresolvedHosts } from "./retire-unresolved-hosts";
import type { ScannerConfig } from "./scanner-config";

/** Each host is one step of the job, and a job has at most 1000 steps: a larger asset is refused, not cut short. */
export const MAX_HOSTS_PER_ASSET = 500;

export type ResolvedAssetHosts = { ok: true; hosts: ScanHost[]; retiredPorts: number } | { ok: false; reason: string };

/**
 * Resolves the asset (with www./MX discovery) to the addresses to scan and records them as hosts.
 * A refused target (not public, invalid, unresolvable) is a user-facing outcome, not a crash: the
 * run becomes FAILED with a generic reason (the scanner's detailed one goes to the server log). Addresses the asset no longer resolves to stop counting.
 */
export async function resolveAssetHosts(
  organizationId: string,
  input: { scanRunId: string; assetId: string; target: string; config: ScannerConfig; now: Date },
): Promise<ResolvedAssetHosts> {
  let addresses;
  try {
    addresses = await resolveTarget(input.target, {
      discovery: true,
      allowedCidrs: input.config.allowedCidrs,
      deniedCidrs: input.config.deniedCidrs,
      ...(input.config.dnsServers.length > 0 ? { dnsServers: input.config.dnsServers } : {}),
    });
  } catch (error) {
    if (!(error instanceof TargetRefusedError)) throw error;
    const reason = refusedTargetMessage(error);
    await failScanRun(organizationId, { scanRunId: input.scanRunId, error: reason, now: input.now });
    return { ok: false, reason };
  }
  if (addresses.length > MAX_HOSTS_PER_ASSET) {
    const reason = `${input.target} resolves to ${addresses.length} addresses; one asset can have at most ${MAX_HOSTS_PER_ASSET}. Add its addresses as separate assets.`;
    await failScanRun(organizationId, { scanRunId: input.scanRunId, error: reason, now: input.now });
    return { ok: false, reason };
  }
  const hosts = await recordResolvedHosts(organizationId, {
    scanRunId: input.scanRunId,
    assetId: input.assetId,
    addresses,
    now: input.now,
  });
  const retiredPorts = await retireUnresolvedHosts(organizationId, {
    scanRunId: input.scanRunId,
    assetId: input.assetId,
    resolvedHostIds: hosts.map((h) => h.hostId),
    now: input.now,
  });
  return { ok: true, hosts, retiredPorts };
}
