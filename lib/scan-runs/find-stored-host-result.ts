import { db } from "@/lib/db/client";
import type { StoredHostObservations } from "./store-host-observations";

/**
 * The stored result of this host in this run, if a previous attempt of the step already stored it
 * (its response was lost): the retry then skips the scan itself.
 */
export async function findStoredHostResult(
  organizationId: string,
  input: { scanRunId: string; hostId: string },
): Promise<StoredHostObservations | null> {
  const marker = await db.scanHostResult.findFirst({
    where: { scanRunId: input.scanRunId, hostId: input.hostId, scanRun: { organizationId } },
    select: { portsOpen: true },
  });
  if (!marker) return null;
  return { alreadyStored: true, portsOpen: marker.portsOpen, opened: 0, closed: 0, changed: 0, unchanged: 0 };
}
