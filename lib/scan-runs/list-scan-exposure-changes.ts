import { db } from "@/lib/db/client";
import type { ExposureChangeKind } from "@/lib/generated/prisma/client";
import type { ObservedService, Protocol } from "@/lib/scanner";
import { protocolOfTransport } from "./observed-port-of-interval";

export interface ExposureChangeDetails {
  id: string;
  assetId: string;
  scanRunId: string;
  ip: string;
  port: number;
  protocol: Protocol;
  kind: ExposureChangeKind;
  before: ObservedService | null;
  after: ObservedService | null;
  detectedAt: string;
}

/** The openings, closings and service changes a scan run recorded, in a stable order. */
export async function listScanExposureChanges(
  organizationId: string,
  scanRunId: string,
): Promise<ExposureChangeDetails[]> {
  const rows = await db.exposureChange.findMany({
    where: { organizationId, scanRunId },
    orderBy: [{ hostIp: "asc" }, { protocol: "asc" }, { port: "asc" }, { kind: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    assetId: row.assetId,
    scanRunId: row.scanRunId,
    ip: row.hostIp,
    port: row.port,
    protocol: protocolOfTransport(row.protocol),
    kind: row.kind,
    before: storedService(row.before),
    after: storedService(row.after),
    detectedAt: row.createdAt.toISOString(),
  }));
}

/** A stored before/after snapshot; those written before versionRevision existed lack it (unknown = null). */
export function storedService(json: unknown): ObservedService | null {
  if (json === null || json === undefined) return null;
  const service = json as Omit<ObservedService, "versionRevision"> & { versionRevision?: string | null };
  return { ...service, versionRevision: service.versionRevision ?? null };
}
