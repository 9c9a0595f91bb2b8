import type { z } from "zod";
import type { exposureChanged, orgGradeChanged, scanCompleted, scanFailed } from "@/inngest/events";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db/client";
import type { WebhookEventType } from "./event-types";
import { publishWebhookEvent, type PublishedWebhookEvent } from "./publish-webhook-event";

type Of<E extends { name: string; schema: z.ZodType }> = { name: E["name"]; data: z.infer<E["schema"]> };

/** The pipeline's events that webhooks announce. */
export type PipelineEvent =
  Of<typeof exposureChanged> | Of<typeof orgGradeChanged> | Of<typeof scanCompleted> | Of<typeof scanFailed>;

const CHANGE = { PORT_OPENED: "opened", PORT_CLOSED: "closed", SERVICE_CHANGED: "changed" } as const;

/**
 * Turns one pipeline event into the webhook event receivers see (with the asset's name and a link)
 * and publishes it. Event ids derive from the announced row, so a retried step publishes nothing twice.
 * An asset's first scan (its baseline) announces its ports through `scan.completed` only, not as one
 * `exposure.changed` per port.
 */
export async function publishPipelineEvent(event: PipelineEvent): Promise<PublishedWebhookEvent | null> {
  const { organizationId } = event.data;
  const type = webhookTypeOf(event);
  if (!type) return null;
  const subscribed = await db.webhookEndpoint.count({
    where: { organizationId, enabled: true, eventTypes: { has: type } },
  });
  if (subscribed === 0) return null;

  switch (event.name) {
    case "asset/exposure.changed": {
      const d = event.data;
      return publishWebhookEvent({
        organizationId,
        type,
        eventId: `evt_exposure_${d.exposureChangeId}`,
        now: new Date(d.detectedAt),
        data: {
          asset: await assetOf(organizationId, d.assetId),
          change: CHANGE[d.kind],
          ip: d.ip,
          port: d.port,
          protocol: d.protocol,
          before: d.before,
          after: d.after,
          scanRunId: d.scanRunId,
        },
      });
    }
    case "org/grade.changed": {
      const d = event.data;
      return publishWebhookEvent({
        organizationId,
        type,
        eventId: `evt_grade_${d.snapshotId}`,
        data: {
          previous: d.previous,
          current: d.current,
          methodVersion: d.methodVersion,
          url: appUrl("/dashboard"),
        },
      });
    }
    case "asset/scan.completed": {
      const d = event.data;
      return publishWebhookEvent({
        organizationId,
        type,
        eventId: `evt_scan_completed_${d.scanRunId}`,
        data: {
          asset: await assetOf(organizationId, d.assetId),
          scanRunId: d.scanRunId,
          hostsScanned: d.hostsScanned,
          portsFound: d.portsFound,
        },
      });
    }
    case "asset/scan.failed": {
      const d = event.data;
      return publishWebhookEvent({
        organizationId,
        type,
        eventId: `evt_scan_failed_${d.scanRunId}`,
        data: { asset: await assetOf(organizationId, d.assetId), scanRunId: d.scanRunId, error: d.error },
      });
    }
  }
}

function webhookTypeOf(event: PipelineEvent): WebhookEventType | null {
  switch (event.name) {
    case "asset/exposure.changed":
      return event.data.baseline ? null : "exposure.changed";
    case "org/grade.changed":
      return "grade.changed";
    case "asset/scan.completed":
      return "scan.completed";
    case "asset/scan.failed":
      return "scan.failed";
  }
}

async function assetOf(organizationId: string, assetId: string) {
  const asset = await db.asset.findFirst({
    where: { id: assetId, organizationId },
    select: { id: true, value: true, label: true },
  });
  return { id: assetId, value: asset?.value ?? null, label: asset?.label ?? null, url: appUrl(`/assets/${assetId}`) };
}
