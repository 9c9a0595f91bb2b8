import { db } from "@/lib/db/client";
import { gradingFacts, type GradingInput, type GradingFinding } from "@/lib/grading";
import type { ServiceFacts, TlsInfo } from "@/lib/scanner";

/** The asset's currently open intervals as grading input, with its catch-all hosts. */
export async function openFindingsOfAsset(organizationId: string, assetId: string): Promise<GradingInput> {
  const [intervals, catchAllHosts] = await Promise.all([
    db.portInterval.findMany({
      where: { organizationId, assetId, closedAt: null },
      include: { host: { select: { ip: true } } },
      orderBy: [{ hostId: "asc" }, { protocol: "asc" }, { port: "asc" }],
    }),
    db.host.findMany({ where: { organizationId, assetId, catchAll: true }, select: { ip: true } }),
  ]);
  const findings: GradingFinding[] = intervals.map((interval) => ({
    host: interval.host.ip,
    port: interval.port,
    protocol: interval.protocol === "UDP" ? "udp" : "tcp",
    state: interval.state === "open|filtered" ? "open|filtered" : "open",
    typicalService: interval.typicalService,
    detectedService: interval.detectedService,
    pendingClassification: interval.pendingClassification,
    product: interval.product,
    version: interval.version,
    tls: (interval.tls ?? null) as TlsInfo | null,
    ...gradingFacts(interval.facts as ServiceFacts),
    firstSeen: interval.firstSeenAt,
  }));
  return { findings, catchAllHosts: catchAllHosts.map((h) => h.ip) };
}
