import { db } from "@/lib/db/client";
import { checkWebhookUrl } from "./check-webhook-url";
import { renderDelivery } from "./render-delivery";
import { sendWebhookRequest, type SendOptions } from "./send-webhook-request";
import type { WebhookPayload } from "./webhook-payload";

/** A failed attempt that is worth repeating: the background function retries it with backoff. */
export class WebhookAttemptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAttemptError";
  }
}

export type WebhookAttemptOutcome =
  | { state: "delivered"; status: number; attempts: number }
  | { state: "refused"; reason: string }
  | { state: "skipped"; reason: string };

/**
 * One attempt of one delivery. Idempotent: a delivery already SUCCEEDED or FAILED (or whose endpoint is
 * gone) is skipped, so a retried step never sends twice what was answered. The URL passes the address
 * policy again now (its DNS may have changed since it was saved) and the request goes to the address
 * just checked. A 2xx answer is SUCCEEDED; any other outcome is recorded on the row and thrown as a
 * WebhookAttemptError to be retried, except a refused address, which fails at once.
 */
export async function attemptWebhookDelivery(
  organizationId: string,
  input: { deliveryId: string; now?: Date },
  options: SendOptions & { env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<WebhookAttemptOutcome> {
  const now = input.now ?? new Date();
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, organizationId },
    select: {
      id: true,
      eventId: true,
      payload: true,
      status: true,
      endpoint: { select: { url: true, format: true, secret: true, enabled: true } },
    },
  });
  if (!delivery) return { state: "skipped", reason: "The delivery or its endpoint was deleted." };
  if (delivery.status !== "PENDING") return { state: "skipped", reason: `The delivery is already ${delivery.status}.` };
  const scope = { id: delivery.id, organizationId, status: "PENDING" as const };
  if (!delivery.endpoint.enabled) {
    await db.webhookDelivery.updateMany({
      where: scope,
      data: { status: "FAILED", error: "The endpoint was disabled before this event was delivered." },
    });
    return { state: "skipped", reason: "The endpoint is disabled." };
  }

  const { attempts } = await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: { attempts: { increment: 1 }, lastAttemptAt: now },
    select: { attempts: true },
  });
  const checked = await checkWebhookUrl(delivery.endpoint.url, options.env);
  if (!checked.ok) {
    await db.webhookDelivery.updateMany({
      where: scope,
      data: { responseStatus: null, error: checked.message, ...(checked.retriable ? {} : { status: "FAILED" }) },
    });
    if (checked.retriable) throw new WebhookAttemptError(checked.message);
    return { state: "refused", reason: checked.message };
  }

  const request = renderDelivery(
    delivery.endpoint,
    { eventId: delivery.eventId, payload: delivery.payload as unknown as WebhookPayload },
    now,
  );
  const response = await sendWebhookRequest(checked.target, request, options);
  await db.webhookDelivery.updateMany({
    where: scope,
    data: response.ok
      ? { status: "SUCCEEDED", responseStatus: response.status, error: null, deliveredAt: new Date() }
      : { responseStatus: response.status, error: response.error },
  });
  if (!response.ok) throw new WebhookAttemptError(response.error ?? "The delivery failed.");
  return { state: "delivered", status: response.status!, attempts };
}
