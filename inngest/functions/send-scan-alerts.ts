import { inngest } from "@/inngest/client";
import { assetGraded } from "@/inngest/events";
import { mailScanAlerts } from "@/lib/alerts/mail-scan-alerts";
import { publishAlertWebhooks } from "@/lib/alerts/publish-alert-webhooks";
import { recordScanAlerts } from "@/lib/alerts/record-scan-alerts";

/**
 * After a scan is graded: store what it should alert about (opened ports, changed critical services,
 * certificates, grade drop), then mail each member who wants alerts at once one mail for the scan, and
 * send each alert to the organisation's webhooks subscribed to `alert.created`.
 */
export const sendScanAlerts = inngest.createFunction(
  { id: "send-scan-alerts", name: "Alert members about a scan's changes", triggers: [assetGraded], retries: 4 },
  async ({ event, step }) => {
    const { organizationId, assetId, scanRunId } = event.data;
    const alerts = await step.run(`record-scan-alerts-${scanRunId}`, async () =>
      (await recordScanAlerts(organizationId, { assetId, scanRunId, now: new Date() })).map((a) => a.id),
    );
    if (alerts.length === 0) return { alerts: 0 };
    const mailed = await step.run(`mail-scan-alerts-${scanRunId}`, () => mailScanAlerts(organizationId, scanRunId));
    const webhooks = await step.run(`publish-alert-webhooks-${scanRunId}`, () =>
      publishAlertWebhooks(organizationId, scanRunId),
    );
    return { alerts: alerts.length, mailed, webhooks };
  },
);
