"use server";

import { orgAction } from "@/lib/actions/action";
import { requestIp } from "@/lib/audit/request-ip";
import {
  setWebhookEndpointEnabledSchema,
  updateWebhookEndpointSchema,
  webhookEndpointRefSchema,
  webhookEndpointSchema,
} from "@/lib/validation/webhook";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { revealWebhookSecret } from "@/lib/webhooks/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhookEvent } from "@/lib/webhooks/send-test-webhook-event";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

export const createWebhookEndpointAction = orgAction(
  { schema: webhookEndpointSchema, capability: "webhooks:manage" },
  async (input, ctx) => {
    const { id } = await createWebhookEndpoint(ctx, input, { ip: await requestIp() });
    return { success: "Endpoint added. Reveal its signing secret below to configure your receiver.", data: { id } };
  },
);

export const updateWebhookEndpointAction = orgAction(
  { schema: updateWebhookEndpointSchema, capability: "webhooks:manage" },
  async ({ endpointId, ...input }, ctx) => {
    await updateWebhookEndpoint(ctx, endpointId, input, { ip: await requestIp() });
    return { success: "Endpoint saved." };
  },
);

export const setWebhookEndpointEnabledAction = orgAction(
  { schema: setWebhookEndpointEnabledSchema, capability: "webhooks:manage" },
  async ({ endpointId, enabled }, ctx) => {
    await setWebhookEndpointEnabled(ctx, endpointId, enabled, { ip: await requestIp() });
    return { success: enabled ? "Endpoint enabled." : "Endpoint disabled: nothing is sent to it until you enable it." };
  },
);

export const deleteWebhookEndpointAction = orgAction(
  { schema: webhookEndpointRefSchema, capability: "webhooks:manage" },
  async ({ endpointId }, ctx) => {
    await deleteWebhookEndpoint(ctx, endpointId, { ip: await requestIp() });
    return { success: "Endpoint deleted." };
  },
);

export const rotateWebhookSecretAction = orgAction(
  { schema: webhookEndpointRefSchema, capability: "webhooks:manage" },
  async ({ endpointId }, ctx) => {
    await rotateWebhookSecret(ctx, endpointId, { ip: await requestIp() });
    return { success: "New signing secret in use. Update your receiver with it." };
  },
);

export const revealWebhookSecretAction = orgAction(
  { schema: webhookEndpointRefSchema, capability: "webhooks:manage" },
  async ({ endpointId }, ctx) => ({
    success: "Signing secret shown.",
    data: { secret: await revealWebhookSecret(ctx, endpointId) },
  }),
);

export const sendTestWebhookEventAction = orgAction(
  { schema: webhookEndpointRefSchema, capability: "webhooks:manage" },
  async ({ endpointId }, ctx) => {
    const { eventId } = await sendTestWebhookEvent(ctx, endpointId);
    return { success: `Test event ${eventId} queued. Its delivery appears in the log below.` };
  },
);
