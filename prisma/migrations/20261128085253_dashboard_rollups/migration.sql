-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('critical', 'high', 'medium', 'low', 'info');

-- AlterTable
ALTER TABLE "PortInterval" ADD COLUMN     "contribution" DOUBLE PRECISION,
ADD COLUMN     "ruleId" TEXT,
ADD COLUMN     "serviceMismatch" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "severity" "Severity";

-- CreateTable
CREATE TABLE "AssetDailyRollup" (
    "organizationId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "grade" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "openPorts" INTEGER NOT NULL,
    "critical" INTEGER NOT NULL,
    "high" INTEGER NOT NULL,
    "medium" INTEGER NOT NULL,
    "low" INTEGER NOT NULL,
    "info" INTEGER NOT NULL,
    "ungraded" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssetDailyRollup_pkey" PRIMARY KEY ("assetId","day")
);

-- CreateTable
CREATE TABLE "OrganizationDailyRollup" (
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "grade" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "assetCount" INTEGER NOT NULL,
    "openPorts" INTEGER NOT NULL,
    "critical" INTEGER NOT NULL,
    "high" INTEGER NOT NULL,
    "medium" INTEGER NOT NULL,
    "low" INTEGER NOT NULL,
    "info" INTEGER NOT NULL,
    "ungraded" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationDailyRollup_pkey" PRIMARY KEY ("organizationId","day")
);

-- CreateIndex
CREATE INDEX "AssetDailyRollup_organizationId_day_idx" ON "AssetDailyRollup"("organizationId", "day");

-- CreateIndex
CREATE INDEX "PortInterval_organizationId_closedAt_severity_contribution_idx" ON "PortInterval"("organizationId", "closedAt", "severity", "contribution");

-- AddForeignKey
ALTER TABLE "AssetDailyRollup" ADD CONSTRAINT "AssetDailyRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetDailyRollup" ADD CONSTRAINT "AssetDailyRollup_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationDailyRollup" ADD CONSTRAINT "OrganizationDailyRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
