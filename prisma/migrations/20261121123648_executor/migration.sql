-- CreateEnum
CREATE TYPE "ExecutorRunStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExecutorJobKind" AS ENUM ('CALL', 'SLEEP', 'WAIT_TIMEOUT', 'INVOKE_TIMEOUT', 'CRON');

-- CreateTable
CREATE TABLE "ExecutorFunction" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "name" TEXT,
    "url" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ExecutorFunction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutorEvent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "ExecutorEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutorRun" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "eventId" TEXT,
    "event" JSONB NOT NULL,
    "status" "ExecutorRunStatus" NOT NULL DEFAULT 'RUNNING',
    "concurrency" JSONB NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "disableImmediateExecution" BOOLEAN NOT NULL DEFAULT false,
    "output" JSONB,
    "error" JSONB,
    "parentRunId" TEXT,
    "parentStepId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ExecutorRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutorStepResult" (
    "seq" BIGSERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecutorStepResult_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ExecutorJob" (
    "id" TEXT NOT NULL,
    "kind" "ExecutorJobKind" NOT NULL,
    "runId" TEXT,
    "stepId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "dedupeKey" TEXT,
    "payload" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecutorJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutorWait" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "expression" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecutorWait_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExecutorFunction_appId_idx" ON "ExecutorFunction"("appId");

-- CreateIndex
CREATE INDEX "ExecutorEvent_processedAt_receivedAt_idx" ON "ExecutorEvent"("processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "ExecutorEvent_receivedAt_idx" ON "ExecutorEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "ExecutorRun_functionId_status_idx" ON "ExecutorRun"("functionId", "status");

-- CreateIndex
CREATE INDEX "ExecutorRun_status_endedAt_idx" ON "ExecutorRun"("status", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutorStepResult_runId_stepId_key" ON "ExecutorStepResult"("runId", "stepId");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutorJob_dedupeKey_key" ON "ExecutorJob"("dedupeKey");

-- CreateIndex
CREATE INDEX "ExecutorJob_runAt_idx" ON "ExecutorJob"("runAt");

-- CreateIndex
CREATE INDEX "ExecutorJob_runId_idx" ON "ExecutorJob"("runId");

-- CreateIndex
CREATE INDEX "ExecutorWait_eventName_idx" ON "ExecutorWait"("eventName");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutorWait_runId_stepId_key" ON "ExecutorWait"("runId", "stepId");

-- AddForeignKey
ALTER TABLE "ExecutorStepResult" ADD CONSTRAINT "ExecutorStepResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ExecutorRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutorJob" ADD CONSTRAINT "ExecutorJob_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ExecutorRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutorWait" ADD CONSTRAINT "ExecutorWait_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ExecutorRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
