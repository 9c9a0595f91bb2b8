import { getAssetSummaries } from "@/lib/dashboard/asset-summaries";
import { getOpenPortsTrend, type OpenPortsPoint } from "@/lib/dashboard/open-ports-trend";
import { getOrgGradeSummary } from "@/lib/dashboard/org-grade-summary";
import type { OrgScope } from "@/lib/dashboard/org-scope";
import { getRiskiestFindings } from "@/lib/dashboard/riskiest-findings";
import { getOrgScoreTrend, type ScorePoint } from "@/lib/dashboard/score-trend";
import { db } from "@/lib/db/client";
import type { Severity } from "@/lib/grading";
import { remediationFor } from "@/lib/remediation";
import { getPeriodExposureChanges, type PeriodChanges } from "./period-exposure-changes";

export interface ReportFinding {
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
  remediationTitle: string;
  /** The first, most effective fix, with the finding's host and port filled in. */
  remediationFix: string;
}

export interface ReportAsset {
  value: string;
  grade: string | null;
  score: number | null;
  openPorts: number;
}

/** Everything one report says, as plain data: the mail, its text part and the PDF all render this. */
export interface ReportData {
  organizationName: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  grade: string | null;
  score: number | null;
  /** Grade and score of the previous report, null for the first. */
  previous: { grade: string | null; score: number | null } | null;
  openPorts: number;
  assetCount: number;
  scoreTrend: ScorePoint[];
  /** Open ports by severity at the end of the period. */
  openBySeverity: Omit<OpenPortsPoint, "day">;
  changes: PeriodChanges;
  riskiest: ReportFinding[];
  assets: ReportAsset[];
  dashboardUrl: string;
}

const TREND_DAYS = 90;

/**
 * Gathers a report from the dashboard's own queries (one per concern), read as `ctx`, for the period
 * ending at `periodEnd`. `previous` is what the organisation's previous report said.
 */
export async function buildReport(
  ctx: OrgScope,
  input: {
    periodStart: Date;
    periodEnd: Date;
    previous: ReportData["previous"];
    dashboardUrl: string;
  },
): Promise<ReportData> {
  const now = input.periodEnd;
  const [org, summary, scoreTrend, openTrend, changes, riskiest, assets] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: ctx.organizationId },
      select: { name: true, timeZone: true },
    }),
    getOrgGradeSummary(ctx, now),
    getOrgScoreTrend(ctx, TREND_DAYS, now),
    getOpenPortsTrend(ctx, 1, now),
    getPeriodExposureChanges(ctx, { since: input.periodStart, until: input.periodEnd }),
    getRiskiestFindings(ctx, 10),
    getAssetSummaries(ctx, { limit: 100, trendDays: 1 }, now),
  ]);
  const { day: _day, ...openBySeverity } = openTrend.at(-1) ?? {
    day: 0,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    ungraded: 0,
  };
  return {
    organizationName: org.name,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    timeZone: org.timeZone,
    grade: summary?.grade ?? null,
    score: summary?.score ?? null,
    previous: input.previous,
    openPorts: summary?.openPorts ?? 0,
    assetCount: summary?.assetCount ?? 0,
    scoreTrend,
    openBySeverity,
    changes,
    riskiest: riskiest.map((f) => {
      const remediation = remediationFor(f.ruleId, f);
      return {
        assetValue: f.assetValue,
        ip: f.ip,
        port: f.port,
        protocol: f.protocol,
        typicalService: f.typicalService,
        detectedService: f.detectedService,
        pendingClassification: f.pendingClassification,
        product: f.product,
        version: f.version,
        severity: f.severity,
        remediationTitle: remediation.title,
        remediationFix: remediation.fix[0] ?? remediation.meaning,
      };
    }),
    assets: assets.map((a) => ({ value: a.value, grade: a.grade, score: a.score, openPorts: a.openPorts })),
    dashboardUrl: input.dashboardUrl,
  };
}
