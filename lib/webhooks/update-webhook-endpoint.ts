import type { OrgContext } from "@/lib/authz/org-context";
import { notFound } from "@/lib/errors";
import type { WebhookEndpointInput } from "@/lib/validation/webhook";
import { changeWebhookEndpoint } from "./change-webhook-endpoint";
import { assertWebhookUrlAllowed } from "./endpoint-url-or-error";
import { getWebhookEndpoint } from "./list-webhook-endpoints";

/** Changes an endpoint's URL, description, events or format; a new URL must pass the address policy. */
export async function updateWebhookEndpoint(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
  input: WebhookEndpointInput,
  audit: { ip?: string | null } = {},
): Promise<void> {
  // Another organisation's id is "not found" before its URL is even looked at (and looked up in DNS).
  if (!(await getWebhookEndpoint(ctx, endpointId))) throw notFound("That webhook endpoint");
  await assertWebhookUrlAllowed(input.url);
  await changeWebhookEndpoint(ctx, endpointId, {
    action: "webhook.updated",
    apply: {
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.eventTypes,
      format: input.format,
    },
    details: { newHost: new URL(input.url).host, events: input.eventTypes.join(" "), format: input.format },
    ip: audit.ip ?? null,
  });
}
