import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { WEBHOOK_TEST_EVENT_TYPE } from "./event-types";
import { publishWebhookEvent } from "./publish-webhook-event";

/** "Send test event": one `webhook.test` delivery to this endpoint, through the same queue, signing and log. */
export async function sendTestWebhookEvent(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
): Promise<{ eventId: string }> {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, ...inOrganization(ctx, "webhooks:manage") },
    select: { id: true, enabled: true },
  });
  if (!endpoint) throw notFound("That webhook endpoint");
  if (!endpoint.enabled) throw new AppError("conflict", "Enable this endpoint before sending it a test event.");
  const { eventId } = await publishWebhookEvent({
    organizationId: ctx.organizationId,
    type: WEBHOOK_TEST_EVENT_TYPE,
    endpointId: endpoint.id,
    data: { message: "Test event from Portwatch: this endpoint receives deliveries.", endpointId: endpoint.id },
  });
  return { eventId };
}
