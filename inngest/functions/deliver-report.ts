import { inngest } from "@/inngest/client";
import { reportDue } from "@/inngest/events";
import { deliverReport } from "@/lib/reports/deliver-report";

/**
 * Builds and mails one organisation's report: one step per organisation and period. A failed SMTP
 * send fails the step, which Inngest retries with backoff; recipients already served are skipped
 * (MailDelivery), and the last failure's reason stays in /settings/reports.
 */
export const deliverReportFunction = inngest.createFunction(
  {
    id: "deliver-report",
    name: "Mail an organisation's report",
    triggers: [reportDue],
    concurrency: [{ key: "event.data.organizationId", limit: 1 }],
    retries: 4,
  },
  async ({ event, step }) => {
    const { organizationId, periodKey, periodEnd } = event.data;
    return step.run(`deliver-report-${organizationId}-${periodKey}`, () =>
      deliverReport(organizationId, { periodKey, periodEnd: new Date(periodEnd) }),
    );
  },
);
