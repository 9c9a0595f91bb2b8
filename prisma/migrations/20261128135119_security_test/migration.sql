-- CreateEnum
CREATE TYPE "SecurityTestStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "firstAssetValue" TEXT;

-- CreateTable
CREATE TABLE "SecurityTest" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "status" "SecurityTestStatus" NOT NULL DEFAULT 'QUEUED',
    "clientKey" TEXT NOT NULL,
    "grade" TEXT,
    "score" INTEGER,
    "openPorts" INTEGER,
    "riskiestClasses" JSONB,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SecurityTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpentChallenge" (
    "signature" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpentChallenge_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "SecurityTest_domain_createdAt_idx" ON "SecurityTest"("domain", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityTest_clientKey_createdAt_idx" ON "SecurityTest"("clientKey", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityTest_status_createdAt_idx" ON "SecurityTest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SpentChallenge_expiresAt_idx" ON "SpentChallenge"("expiresAt");
