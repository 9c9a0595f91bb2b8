import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db/client";
import { deliverOnce } from "@/lib/mail/deliver-once";
import { buildReport } from "./build-report";
import { renderReportPdf } from "./pdf/report-pdf";
import { reportCharts, reportMail, reportPdfName } from "./report-mail";
import { reportReaderContext } from "./report-reader";
import { reportRecipients } from "./report-recipients";
import { reportPeriodStart } from "./schedule";

export interface ReportDeliveryOutcome {
  recipients: number;
  sent: number;
  alreadySent: number;
  failed: { recipient: string; reason: string }[];
}

export class ReportDeliveryError extends Error {
  constructor(readonly outcome: ReportDeliveryOutcome) {
    super(
      `The report could not be delivered to ${outcome.failed.length} of ${outcome.recipients} recipients: ${outcome.failed
        .map((f) => `${f.recipient} (${f.reason})`)
        .join("; ")}`,
    );
    this.name = "ReportDeliveryError";
  }
}

/**
 * Builds and mails one report of the organisation (period `periodKey`, ending at `periodEnd`) to every
 * recipient not yet served for that period. Safe to repeat: the Report row and each recipient's
 * MailDelivery are created once. Throws ReportDeliveryError when a recipient failed, after trying all,
 * so the step is retried with backoff for those only.
 */
export async function deliverReport(
  organizationId: string,
  input: { periodKey: string; periodEnd: Date },
): Promise<ReportDeliveryOutcome> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { reportSchedule: true },
  });
  const ctx = org ? await reportReaderContext(organizationId) : null;
  const outcome: ReportDeliveryOutcome = { recipients: 0, sent: 0, alreadySent: 0, failed: [] };
  if (!org || !ctx) return outcome;

  const periodStart = reportPeriodStart(org.reportSchedule, input.periodEnd);
  const previous = await db.report.findFirst({
    where: { organizationId, periodEnd: { lt: input.periodEnd }, NOT: { periodKey: input.periodKey } },
    orderBy: { periodEnd: "desc" },
    select: { grade: true, score: true },
  });
  const report = await buildReport(ctx, {
    periodStart,
    periodEnd: input.periodEnd,
    previous,
    dashboardUrl: appUrl("/dashboard"),
  });
  // What this report said, for the next one's "change since the previous report". Kept as first written.
  await db.report.upsert({
    where: { organizationId_periodKey: { organizationId, periodKey: input.periodKey } },
    create: {
      organizationId,
      periodKey: input.periodKey,
      periodStart,
      periodEnd: input.periodEnd,
      grade: report.grade,
      score: report.score,
    },
    update: {},
  });

  const recipients = await reportRecipients(organizationId);
  outcome.recipients = recipients.length;
  if (recipients.length === 0) return outcome;
  const files = {
    charts: reportCharts(report),
    pdf: { filename: reportPdfName(report), contentType: "application/pdf", content: await renderReportPdf(report) },
  };
  for (const recipient of recipients) {
    try {
      const result = await deliverOnce({ organizationId, kind: "REPORT", periodKey: input.periodKey, recipient }, () =>
        reportMail(report, files, organizationId, recipient),
      );
      if (result === "sent") outcome.sent += 1;
      else outcome.alreadySent += 1;
    } catch (error) {
      outcome.failed.push({ recipient, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (outcome.failed.length > 0) throw new ReportDeliveryError(outcome);
  return outcome;
}
