import { render } from "@react-email/render";
import type { MailAttachment, MailMessage } from "@/lib/mail";
import type { ReportData } from "./build-report";
import { chartPng, scoreTrendSvg, severityBarsSvg } from "./charts/chart-images";
import { ReportEmail, SCORE_CHART_CID, SEVERITY_CHART_CID } from "./email/report-email";
import { changeText, formatDay, gradeText, slug } from "./format";
import { listUnsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-url";

export interface RenderedReportFiles {
  charts: MailAttachment[];
  pdf: MailAttachment;
}

/** The inline chart images and the PDF: the same for every recipient, so rendered once per report. */
export function reportCharts(report: ReportData): MailAttachment[] {
  const until = report.periodEnd.getTime();
  return [
    {
      filename: "score-trend.png",
      contentType: "image/png",
      cid: SCORE_CHART_CID,
      content: chartPng(scoreTrendSvg(report.scoreTrend, until - 89 * 24 * 3600 * 1000, until)),
    },
    {
      filename: "open-ports-by-severity.png",
      contentType: "image/png",
      cid: SEVERITY_CHART_CID,
      content: chartPng(severityBarsSvg(report.openBySeverity)),
    },
  ];
}

/** `portwatch-report-<org>-<date>.pdf`, the organisation's name reduced to a safe slug. */
export function reportPdfName(report: ReportData): string {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: report.timeZone }).format(report.periodEnd);
  return `portwatch-report-${slug(report.organizationName)}-${date}.pdf`;
}

/**
 * The subject says what the report says, without the organisation's (user-written) name: headers
 * carry only text we wrote.
 */
export function reportSubject(report: ReportData): string {
  const change = changeText(report, report.previous);
  return `Open Ports report ${formatDay(report.periodEnd, report.timeZone)}: grade ${gradeText(report.grade, report.score)}${change ? `, ${change.split(" since")[0]}` : ""}`;
}

/** One recipient's report mail: HTML and text from React Email, inline charts, the PDF, unsubscribe headers. */
export async function reportMail(
  report: ReportData,
  files: RenderedReportFiles,
  organizationId: string,
  to: string,
): Promise<MailMessage> {
  const subject = { list: "reports" as const, organizationId, email: to };
  const element = <ReportEmail report={report} unsubscribeUrl={unsubscribeUrl(subject)} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    to,
    subject: reportSubject(report),
    html,
    text,
    headers: listUnsubscribeHeaders(subject),
    attachments: [...files.charts, files.pdf],
  };
}
