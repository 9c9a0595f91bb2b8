import { db } from "@/lib/db/client";
import type { GradingInput } from "@/lib/grading";
import { observedPortOfInterval } from "@/lib/scan-runs/observed-port-of-interval";

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
  const findings = intervals.map((interval) => ({
    ...observedPortOfInterval(interval),
    firstSeen: interval.firstSeenAt,
  }));
  return { findings, catchAllHosts: catchAllHosts.map((h) => h.ip) };
}
