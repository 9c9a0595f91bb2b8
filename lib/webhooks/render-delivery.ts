import { Webhook } from "standardwebhooks";
import type { WebhookFormat } from "@/lib/generated/prisma/enums";
import { slackMessage } from "./slack-message";
import type { WebhookPayload } from "./webhook-payload";

/**
 * The body and headers of one attempt, signed per Standard Webhooks: `webhook-id` (the event's id, the
 * same on every attempt, for deduplication), `webhook-timestamp` (this attempt, Unix seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the endpoint's secret).
 * Slack ignores the headers; they are sent anyway so every receiver can verify.
 */
export function renderDelivery(
  endpoint: { format: WebhookFormat; secret: string },
  delivery: { eventId: string; payload: WebhookPayload },
  now: Date,
): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(endpoint.format === "SLACK" ? slackMessage(delivery.payload) : delivery.payload);
  const signature = new Webhook(endpoint.secret).sign(delivery.eventId, now, body);
  return {
    headers: {
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
  };
}
