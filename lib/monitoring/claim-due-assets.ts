import { db } from "@/lib/db/client";
import { PLAN_LIMITS, DAY_MS } from "@/lib/plans/plans";
import { configuredPortSpec } from "@/lib/scan-runs/scanner-config";
import { nextScanAt } from "@/lib/scan-runs/scan-cadence";

export interface DueScan {
  organizationId: string;
  assetId: string;
  scanRunId: string;
}

export interface ClaimDueAssetsInput {
  now: Date;
  /** Identifies the monitor tick; a retried tick returns the scans it already claimed. */
  tickId: string;
  /** At most this many assets of one organisation per tick. */
  perOrganizationCap: number;
  /** At most this many assets in all per tick. */
  globalCap: number;
}

/**
 * System-wide by nature (the scheduler serves every organisation), so the selection query is not
 * scoped by one organisation; every write below is.
 *
 * Picks live assets whose nextScanAt is due (or never set), of organisations whose plan includes
 * monitoring, without a scan already queued or running. Fair round-robin: every organisation's
 * most overdue asset comes before anyone's second, so one large customer cannot starve the rest.
 * An organisation that has used its daily scan budget (lib/plans/plans.ts) gets nothing more until
 * its scans of the last 24 hours fall below it.
 * Each pick gets a QUEUED SCHEDULED scan run and its next due time.
 */
export async function claimDueAssets(input: ClaimDueAssetsInput): Promise<DueScan[]> {
  const prefix = `sched-${input.tickId}-`;
  const claimed = await db.scanRun.findMany({
    where: { id: { startsWith: prefix } },
    select: { id: true, organizationId: true, assetId: true },
  });
  if (claimed.length > 0)
    return claimed.map((r) => ({ organizationId: r.organizationId, assetId: r.assetId, scanRunId: r.id }));

  const dayAgo = new Date(input.now.getTime() - DAY_MS);
  const budget = (plan: keyof typeof PLAN_LIMITS) => PLAN_LIMITS[plan].scansPerDay;
  const picks = await db.$queryRaw<{ id: string; organizationId: string; verified: boolean }[]>`
    WITH due AS (
      SELECT a."id", a."organizationId", a."nextScanAt", a."verifiedAt" IS NOT NULL AS "verified",
             ROW_NUMBER() OVER (PARTITION BY a."organizationId" ORDER BY a."nextScanAt" ASC NULLS FIRST, a."id") AS "rank"
      FROM "Asset" a
      JOIN "Organization" o ON o."id" = a."organizationId"
      WHERE a."deletedAt" IS NULL
        -- Generated sample data (seed:demo) is never scanned: its names are made up.
        AND NOT o."sampleData"
        AND (a."nextScanAt" IS NULL OR a."nextScanAt" <= ${input.now})
        AND NOT (o."plan" = 'TRIAL' AND o."trialEndsAt" IS NOT NULL AND o."trialEndsAt" <= ${input.now})
        AND NOT EXISTS (
          SELECT 1 FROM "ScanRun" r WHERE r."assetId" = a."id" AND r."status" IN ('QUEUED', 'RUNNING')
        )
        -- The organisation's daily scan budget (lib/plans/plans.ts): once spent, its assets wait.
        AND (SELECT COUNT(*) FROM "ScanRun" b WHERE b."organizationId" = a."organizationId" AND b."createdAt" > ${dayAgo})
            < CASE o."plan" WHEN 'TRIAL' THEN ${budget("TRIAL")}::bigint WHEN 'STARTER' THEN ${budget("STARTER")}::bigint
                            WHEN 'PRO' THEN ${budget("PRO")}::bigint ELSE ${budget("ENTERPRISE")}::bigint END
    )
    SELECT "id", "organizationId", "verified" FROM due
    WHERE "rank" <= ${input.perOrganizationCap}
    ORDER BY "rank", "nextScanAt" ASC NULLS FIRST, "organizationId"
    LIMIT ${input.globalCap}`;
  if (picks.length === 0) return [];

  const orgIds = [...new Set(picks.map((p) => p.organizationId))];
  const orgs = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: orgIds } },
        select: { id: true, plan: true, trialEndsAt: true },
      })
    ).map((o) => [o.id, o]),
  );
  const portSpec = configuredPortSpec();
  const scans: DueScan[] = [];
  await db.$transaction(async (tx) => {
    for (const pick of picks) {
      const org = orgs.get(pick.organizationId);
      if (!org) continue;
      const scanRunId = `${prefix}${pick.id}`;
      await tx.scanRun.create({
        data: { id: scanRunId, organizationId: pick.organizationId, assetId: pick.id, trigger: "SCHEDULED", portSpec },
      });
      await tx.asset.updateMany({
        where: { id: pick.id, organizationId: pick.organizationId },
        data: { nextScanAt: nextScanAt(org, input.now, pick.verified) },
      });
      scans.push({ organizationId: pick.organizationId, assetId: pick.id, scanRunId });
    }
  });
  return scans;
}
