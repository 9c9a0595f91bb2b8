import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { reportDue } from "@/inngest/events";
import { findDueReports } from "@/lib/reports/find-due-reports";

/**
 * Every 15 minutes (time zones with half- and quarter-hour offsets included), queue the reports whose
 * scheduled time has passed: one event per organisation and period, deduplicated by its id.
 */
export const sendDueReports = inngest.createFunction(
  {
    id: "send-due-reports",
    name: "Queue due reports",
    triggers: [cron("*/15 * * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => {
    const due = await step.run("find-due-reports", () => findDueReports(new Date()));
    if (due.length > 0) {
      await step.sendEvent(
        "queue-due-reports",
        due.map((report) => reportDue.create(report, { id: `report-${report.organizationId}-${report.periodKey}` })),
      );
    }
    return { queued: due.length };
  },
);
