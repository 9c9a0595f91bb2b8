import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { WEBHOOK_LOG_SIZE } from "./limits";

export interface WebhookDeliveryEntry {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** An endpoint's delivery log, newest first (the last 50). */
export async function listWebhookDeliveries(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
): Promise<WebhookDeliveryEntry[]> {
  return db.webhookDelivery.findMany({
    where: { endpointId, ...inOrganization(ctx, "webhooks:manage") },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: WEBHOOK_LOG_SIZE,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      responseStatus: true,
      error: true,
      createdAt: true,
      lastAttemptAt: true,
      deliveredAt: true,
    },
  });
}
