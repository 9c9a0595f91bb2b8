import { db } from "@/lib/db/client";
import { publishWebhookEvent } from "@/lib/webhooks/publish-webhook-event";

/**
 * Sends a scan's stored alerts to the organisation's webhooks subscribed to `alert.created`, one event
 * per alert, as mailed (lib/alerts/alert-data.ts). The event id derives from the alert, so a retried
 * step publishes nothing twice.
 */
export async function publishAlertWebhooks(organizationId: string, scanRunId: string): Promise<{ published: number }> {
  const alerts = await db.alert.findMany({
    where: { organizationId, scanRunId },
    select: { id: true, assetId: true, kind: true, severity: true, data: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  let published = 0;
  for (const alert of alerts) {
    const { deliveryIds } = await publishWebhookEvent({
      organizationId,
      type: "alert.created",
      eventId: `evt_alert_${alert.id}`,
      data: {
        alert: {
          id: alert.id,
          assetId: alert.assetId,
          kind: alert.kind,
          severity: alert.severity,
          createdAt: alert.createdAt.toISOString(),
          details: alert.data,
        },
      },
    });
    published += deliveryIds.length;
  }
  return { published };
}
