-- CreateEnum
CREATE TYPE "ReportSchedule" AS ENUM ('OFF', 'DAILY', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "AlertDelivery" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "MailDeliveryKind" AS ENUM ('REPORT', 'ALERT', 'DIGEST');

-- CreateEnum
CREATE TYPE "MailDeliveryStatus" AS ENUM ('SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('PORT_OPENED', 'SERVICE_CHANGED', 'TLS_EXPIRED', 'TLS_EXPIRING', 'GRADE_DROPPED');

-- AlterTable
ALTER TABLE "DevMail" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "headers" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "alertDelivery" "AlertDelivery" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "alertSeverities" "Severity"[] DEFAULT ARRAY['critical', 'high']::"Severity"[],
ADD COLUMN     "receivesReports" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "confirmOpenedPorts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reportExtraRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "reportSchedule" "ReportSchedule" NOT NULL DEFAULT 'WEEKLY',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "grade" TEXT,
    "score" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "MailDeliveryKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "status" "MailDeliveryStatus" NOT NULL DEFAULT 'SENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "scanRunId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_organizationId_periodEnd_idx" ON "Report"("organizationId", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Report_organizationId_periodKey_key" ON "Report"("organizationId", "periodKey");

-- CreateIndex
CREATE INDEX "MailDelivery_organizationId_createdAt_idx" ON "MailDelivery"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_organizationId_kind_periodKey_recipient_key" ON "MailDelivery"("organizationId", "kind", "periodKey", "recipient");

-- CreateIndex
CREATE INDEX "Alert_organizationId_createdAt_idx" ON "Alert"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_scanRunId_idx" ON "Alert"("scanRunId");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_organizationId_dedupeKey_key" ON "Alert"("organizationId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
