-- DropIndex
DROP INDEX "PortInterval_assetId_firstSeenAt_idx";

-- DropIndex
DROP INDEX "PortInterval_organizationId_closedAt_firstSeenAt_id_idx";

-- DropIndex
DROP INDEX "PortInterval_organizationId_closedAt_id_idx";

-- DropIndex
DROP INDEX "PortInterval_organizationId_closedAt_idx";

-- DropIndex
DROP INDEX "PortInterval_organizationId_closedAt_severity_contribution__idx";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "sampleData" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OrganizationDailyRollup" ADD COLUMN     "services" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Asset_live_by_score_idx" ON "Asset"("organizationId", "score", "value") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "ExposureChange_assetId_createdAt_idx" ON "ExposureChange"("assetId", "createdAt");

-- CreateIndex
CREATE INDEX "PortInterval_assetId_closedAt_idx" ON "PortInterval"("assetId", "closedAt");

-- CreateIndex
CREATE INDEX "PortInterval_open_by_severity_idx" ON "PortInterval"("organizationId", "severity", "contribution" DESC, "id") WHERE ("closedAt" IS NULL);

-- CreateIndex
CREATE INDEX "PortInterval_open_by_first_seen_idx" ON "PortInterval"("organizationId", "firstSeenAt", "id") WHERE ("closedAt" IS NULL);

-- CreateIndex
CREATE INDEX "PortInterval_open_by_id_idx" ON "PortInterval"("organizationId", "id") WHERE ("closedAt" IS NULL);

-- CreateIndex
CREATE INDEX "ScanRun_assetId_createdAt_idx" ON "ScanRun"("assetId", "createdAt");

-- Backfill: each organisation's latest rollup row gets its current open ports by typical service,
-- detected service and Pending classification (as lib/exposure-rollups/record-organization-rollup.ts
-- counts them), so the overview's typical-versus-detected chart reads the rollup from the first view.
WITH "latest" AS (
  SELECT "organizationId", max("day") AS "day" FROM "OrganizationDailyRollup" GROUP BY 1
), "groups" AS (
  SELECT pi."organizationId", pi."typicalService" AS "typical", pi."detectedService" AS "detected",
         pi."pendingClassification" AS "pending", count(*)::int AS "ports"
  FROM "PortInterval" AS pi
  JOIN "Asset" AS a ON a."id" = pi."assetId" AND a."deletedAt" IS NULL
  JOIN "Host" AS h ON h."id" = pi."hostId" AND NOT h."catchAll"
  WHERE pi."closedAt" IS NULL
  GROUP BY 1, 2, 3, 4
), "services" AS (
  SELECT "organizationId",
         jsonb_agg(jsonb_build_object('typical', "typical", 'detected', "detected", 'pending', "pending", 'ports', "ports")
                   ORDER BY "ports" DESC) AS "services"
  FROM "groups" GROUP BY 1
)
UPDATE "OrganizationDailyRollup" AS r
SET "services" = s."services"
FROM "latest" AS l, "services" AS s
WHERE r."organizationId" = l."organizationId" AND r."day" = l."day" AND s."organizationId" = r."organizationId";
