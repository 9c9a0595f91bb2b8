-- DropIndex
DROP INDEX "PortInterval_organizationId_closedAt_severity_contribution_idx";

-- CreateIndex
CREATE INDEX "PortInterval_organizationId_closedAt_severity_contribution__idx" ON "PortInterval"("organizationId", "closedAt", "severity", "contribution" DESC, "id");

-- CreateIndex
CREATE INDEX "PortInterval_organizationId_closedAt_firstSeenAt_id_idx" ON "PortInterval"("organizationId", "closedAt", "firstSeenAt", "id");

-- CreateIndex
CREATE INDEX "PortInterval_organizationId_closedAt_id_idx" ON "PortInterval"("organizationId", "closedAt", "id");
