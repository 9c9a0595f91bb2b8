import { db } from "@/lib/db/client";
import type { ExposureChangeKind } from "@/lib/generated/prisma/enums";
import { inOrganization } from "@/lib/authz/org-context";
import type { OrgScope } from "@/lib/dashboard/org-scope";

interface ServiceSide {
  typicalService?: string | null;
  detectedService?: string | null;
  product?: string | null;
  version?: string | null;
}

export interface PeriodChange {
  at: Date;
  kind: ExposureChangeKind;
  assetValue: string;
  ip: string;
  port: number;
  protocol: "tcp" | "udp";
  before: ServiceSide | null;
  after: ServiceSide | null;
}

export interface PeriodChanges {
  opened: number;
  closed: number;
  changed: number;
  /** The newest changes, at most `limit`. */
  list: PeriodChange[];
}

/**
 * Ports opened, closed and changed across the organisation's live assets in [since, until), leaving
 * out each asset's first (baseline) scan, where everything is "new". Counts in SQL, then the newest rows.
 */
export async function getPeriodExposureChanges(
  ctx: OrgScope,
  period: { since: Date; until: Date },
  limit = 30,
): Promise<PeriodChanges> {
  const where = {
    ...inOrganization(ctx, "assets:read"),
    createdAt: { gte: period.since, lt: period.until },
    asset: { deletedAt: null },
    // A baseline scan is the asset's first completed one: some earlier completed run must exist.
    NOT: { scanRunId: { in: await baselineRunIds(ctx) } },
  };
  const [counts, rows] = await Promise.all([
    db.exposureChange.groupBy({ by: ["kind"], where, _count: { _all: true } }),
    db.exposureChange.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { hostIp: "asc" }, { port: "asc" }],
      take: limit,
      include: { asset: { select: { value: true } } },
    }),
  ]);
  const count = (kind: ExposureChangeKind) => counts.find((c) => c.kind === kind)?._count._all ?? 0;
  return {
    opened: count("PORT_OPENED"),
    closed: count("PORT_CLOSED"),
    changed: count("SERVICE_CHANGED"),
    list: rows.map((r) => ({
      at: r.createdAt,
      kind: r.kind,
      assetValue: r.asset.value,
      ip: r.hostIp,
      port: r.port,
      protocol: r.protocol === "UDP" ? "udp" : "tcp",
      before: (r.before ?? null) as ServiceSide | null,
      after: (r.after ?? null) as ServiceSide | null,
    })),
  };
}

/** Each asset's first completed run (as lib/scan-runs/is-baseline-scan.ts decides it): one row per asset. */
async function baselineRunIds(ctx: OrgScope): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (r."assetId") r."id" FROM "ScanRun" r
    WHERE r."organizationId" = ${ctx.organizationId} AND r."status" = 'COMPLETED'
    ORDER BY r."assetId", r."createdAt" ASC, r."id"`;
  return rows.map((r) => r.id);
}
