import { db } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import { memberCheck, type OrgScope } from "./org-scope";

export interface RiskyFinding {
  assetId: string;
  assetValue: string;
  ip: string;
  port: number;
  protocol: "tcp" | "udp";
  typicalService: string | null;
  detectedService: string | null;
  pendingClassification: boolean;
  product: string | null;
  version: string | null;
  severity: Severity;
  /** Points this finding takes off its asset's score. */
  contribution: number;
  ruleId: string | null;
  firstSeenAt: Date;
}

interface Row {
  assetId: string;
  assetValue: string;
  ip: string;
  port: number;
  protocol: "TCP" | "UDP";
  typicalService: string | null;
  detectedService: string | null;
  pendingClassification: boolean;
  product: string | null;
  version: string | null;
  severity: Severity;
  contribution: number;
  ruleId: string | null;
  firstSeenAt: Date;
}

/**
 * The organisation's worst open findings right now, worst severity first, then by contribution: read
 * from the severity the grading step stores on each open port, selected and ordered in SQL. The order
 * is the findings page's default (severity, contribution, id), so the partial index on open ports
 * (organizationId, severity, contribution DESC, id) hands over the first rows without sorting.
 */
export async function getRiskiestFindings(ctx: OrgScope, limit = 8): Promise<RiskyFinding[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id" AS "assetId", a."value" AS "assetValue", h."ip", p."port", p."protocol"::text AS "protocol",
      p."typicalService", p."detectedService", p."pendingClassification", p."product", p."version",
      p."severity"::text AS "severity", p."contribution", p."ruleId", p."firstSeenAt"
    FROM "PortInterval" p
    JOIN "Asset" a ON a."id" = p."assetId" AND a."deletedAt" IS NULL
    JOIN "Host" h ON h."id" = p."hostId"
    WHERE p."organizationId" = ${ctx.organizationId} AND p."closedAt" IS NULL AND p."severity" IS NOT NULL
      AND p."severity" <> 'info' AND ${memberCheck(ctx)}
    ORDER BY p."severity", p."contribution" DESC NULLS FIRST, p."id"
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, protocol: r.protocol === "UDP" ? "udp" : "tcp" }));
}
