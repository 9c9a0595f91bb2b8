import type { Prisma } from "@/lib/db/client";
import type { AssetGrade, GradingInput } from "@/lib/grading";
import { servicesDiffer } from "@/lib/findings/service-mismatch";
import { transportOfProtocol } from "@/lib/scan-runs/observed-port-of-interval";
import { countBySeverity } from "./severity-counts";
import { utcDay } from "./utc-day";

type Tx = Prisma.TransactionClient;

/**
 * Copies an asset grade onto its open intervals (severity, contribution, rule, mismatch) so the
 * findings page filters and sorts in SQL, and writes the asset's rollup row for the grade's UTC day.
 * One UPDATE for all ports and one upsert: cost independent of the number of ports' history.
 */
export async function recordGradedPorts(
  tx: Tx,
  organizationId: string,
  assetId: string,
  input: GradingInput,
  result: AssetGrade,
  asOf: Date,
): Promise<void> {
  const graded = new Map(result.findings.map((f) => [portKey(f.finding), f]));
  const ips: string[] = [];
  const ports: number[] = [];
  const protocols: string[] = [];
  const severities: (string | null)[] = [];
  const contributions: (number | null)[] = [];
  const ruleIds: (string | null)[] = [];
  const mismatches: boolean[] = [];
  for (const finding of input.findings) {
    const g = graded.get(portKey(finding));
    ips.push(finding.ip);
    ports.push(finding.port);
    protocols.push(transportOfProtocol(finding.protocol));
    severities.push(g?.severity ?? null);
    contributions.push(g?.deduction ?? null);
    ruleIds.push(g?.ruleId ?? null);
    mismatches.push(servicesDiffer(finding.typicalService, finding.detectedService));
  }
  if (ips.length > 0) {
    await tx.$executeRaw`
      UPDATE "PortInterval" AS pi
      SET "severity" = v.severity::"Severity", "contribution" = v.contribution, "ruleId" = v.rule_id, "serviceMismatch" = v.mismatch
      FROM unnest(${ips}::text[], ${ports}::int[], ${protocols}::text[], ${severities}::text[], ${contributions}::float8[], ${ruleIds}::text[], ${mismatches}::bool[])
        AS v(ip, port, protocol, severity, contribution, rule_id, mismatch),
        "Host" AS h
      WHERE pi."organizationId" = ${organizationId} AND pi."assetId" = ${assetId} AND pi."closedAt" IS NULL
        AND h."id" = pi."hostId" AND h."ip" = v.ip AND pi."port" = v.port AND pi."protocol"::text = v.protocol`;
  }

  const counts = countBySeverity(result.findings, input.findings.length - result.findings.length);
  const day = utcDay(asOf);
  const row = { grade: result.grade, score: result.score, ...counts };
  await tx.assetDailyRollup.upsert({
    where: { assetId_day: { assetId, day } },
    create: { organizationId, assetId, day, ...row },
    update: row,
  });
}

function portKey(f: { ip: string; port: number; protocol: string }): string {
  return `${f.ip}|${f.protocol}|${f.port}`;
}
