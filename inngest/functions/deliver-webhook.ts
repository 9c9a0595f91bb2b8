import { inngest } from "@/inngest/client";
import { webhookDeliveryRequested } from "@/inngest/events";
import { attemptWebhookDelivery } from "@/lib/webhooks/attempt-webhook-delivery";
import { failWebhookDelivery } from "@/lib/webhooks/fail-webhook-delivery";
import { WEBHOOK_RETRIES } from "@/lib/webhooks/limits";

/**
 * Sends one webhook delivery. A failed attempt (not 2xx, timeout, connection error) throws and the step
 * is retried with exponential backoff; once retries run out the delivery is FAILED.
 */
export const deliverWebhook = inngest.createFunction(
  {
    id: "deliver-webhook",
    name: "Deliver a webhook",
    triggers: [webhookDeliveryRequested],
    // A slow receiver holds up its own deliveries, not everyone's.
    concurrency: [{ key: "event.data.endpointId", limit: 4 }],
    retries: WEBHOOK_RETRIES,
    onFailure: async ({ event, step }) => {
      const { organizationId, deliveryId } = event.data.event.data;
      await step.run(`fail-delivery-${deliveryId}`, () => failWebhookDelivery(organizationId, { deliveryId }));
    },
  },
  async ({ event, step }) => {
    const { organizationId, deliveryId } = event.data;
    return step.run(`deliver-${deliveryId}`, () => attemptWebhookDelivery(organizationId, { deliveryId }));
  },
);
