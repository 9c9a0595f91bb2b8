import { scanHost } from "@/lib/scanner";
import { findStoredHostResult } from "./find-stored-host-result";
import type { ScanHost } from "./record-resolved-hosts";
import type { ScannerConfig } from "./scanner-config";
import { storeHostObservations, type StoredHostObservations } from "./store-host-observations";

/** Scans one host of a run and stores what it found (exactly once per run and host). */
export async function scanAndStoreHost(
  organizationId: string,
  input: {
    scanRunId: string;
    target: string;
    host: ScanHost;
    config: ScannerConfig;
    /** Probe the UDP service ports (backgroundUdp). */ udp: boolean;
  },
): Promise<StoredHostObservations> {
  const stored = await findStoredHostResult(organizationId, { scanRunId: input.scanRunId, hostId: input.host.hostId });
  if (stored) return stored;
  const result = await scanHost(
    { ip: input.host.ip, family: input.host.family, hostname: input.host.hostname, discovered: input.host.discovered },
    {
      target: input.target,
      ports: input.config.ports,
      udp: input.udp,
      allowedCidrs: input.config.allowedCidrs,
      deniedCidrs: input.config.deniedCidrs,
    },
  );
  return storeHostObservations(organizationId, {
    scanRunId: input.scanRunId,
    hostId: input.host.hostId,
    ports: result.ports,
    catchAll: result.catchAll !== null,
    observedAt: new Date(),
  });
}
