import { randomUUID } from "node:crypto";
import { inngest } from "@/inngest/client";
import { webhookDeliveryRequested } from "@/inngest/events";
import { db } from "@/lib/db/client";
import type { PublishedEventType } from "./event-types";
import type { WebhookPayload } from "./webhook-payload";

export interface PublishWebhookEventInput {
  organizationId: string;
  type: PublishedEventType;
  /** The event's facts; `organization` ({id, name}) is added. Plain JSON. */
  data: Record<string, unknown>;
  /**
   * The `webhook-id` receivers deduplicate on. Derive it from the row the event announces (e.g.
   * `evt_alert_<alertId>`) so publishing again stores and sends nothing new; default a fresh id.
   */
  eventId?: string;
  /** Only this endpoint, whatever it subscribes to ("Send test event"). */
  endpointId?: string;
  now?: Date;
}

export interface PublishedWebhookEvent {
  eventId: string;
  deliveryIds: string[];
}

/**
 * Announces an event to the organisation's enabled endpoints subscribed to its type: stores one
 * WebhookDelivery per endpoint (unique per endpoint and event id, so a repeat stores nothing new), then,
 * once those rows are committed, asks for each pending one to be delivered (`webhook/delivery.requested`,
 * whose id derives from the row: a resend is a duplicate Inngest drops). Call it after the change it
 * announces has committed. Throws when the events cannot be sent; calling again is safe.
 */
export async function publishWebhookEvent(input: PublishWebhookEventInput): Promise<PublishedWebhookEvent> {
  const now = input.now ?? new Date();
  const eventId = input.eventId ?? `evt_${randomUUID().replaceAll("-", "")}`;
  const endpoints = await db.webhookEndpoint.findMany({
    where: {
      organizationId: input.organizationId,
      enabled: true,
      ...(input.endpointId ? { id: input.endpointId } : { eventTypes: { has: input.type } }),
    },
    select: { id: true, organization: { select: { name: true } } },
  });
  if (endpoints.length === 0) return { eventId, deliveryIds: [] };

  const payload: WebhookPayload = {
    type: input.type,
    timestamp: now.toISOString(),
    data: { ...input.data, organization: { id: input.organizationId, name: endpoints[0]!.organization.name } },
  };
  await db.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      organizationId: input.organizationId,
      endpointId: endpoint.id,
      eventId,
      eventType: input.type,
      payload: payload as object,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  const pending = await db.webhookDelivery.findMany({
    where: {
      organizationId: input.organizationId,
      eventId,
      endpointId: { in: endpoints.map((e) => e.id) },
      status: "PENDING",
    },
    select: { id: true, endpointId: true },
  });
  if (pending.length > 0) {
    await inngest.send(
      pending.map((delivery) =>
        webhookDeliveryRequested.create(
          { organizationId: input.organizationId, endpointId: delivery.endpointId, deliveryId: delivery.id },
          { id: `webhook-delivery-${delivery.id}` },
        ),
      ),
    );
  }
  return { eventId, deliveryIds: pending.map((d) => d.id) };
}
